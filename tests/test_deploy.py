"""Deployment: Dockerfile, docker-compose.yml, .env.example, the locked requirements, /healthz.

No Docker engine is needed: the files are parsed and checked against the settings they feed,
and the commands the image runs at build time are run here the same way.
"""

import json
import re
import secrets
import shlex
import socket
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.urls import Resolver404, resolve
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from config.health import healthz, probe_host
from tests.test_settings import PRODUCTION_REQUIRED, clean_env, manage, settings_env_reads

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_READ_BY_WEB = ("base", "production")


# Compose files


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def service_environment(service: dict) -> dict[str, str]:
    """Return a service's `environment` as a dict, whichever of the two YAML forms it uses."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


class InterpolationError(Exception):
    pass


INTERPOLATION = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\})"
)


def interpolate(text: str, env: dict[str, str]) -> str:
    """Substitute variables the way `docker compose` does for `${X}`, `${X:-d}`, `${X:?err}`."""

    def substitute(match: re.Match) -> str:
        if match["escaped"]:
            return "$"
        name, op, arg = match["name"], match["op"], match["arg"]
        value = env.get(name)
        missing = value is None or (value == "" and op is not None and op.startswith(":"))
        if op in (":?", "?") and missing:
            raise InterpolationError(f"{name}: {arg}")
        if op in (":-", "-") and missing:
            return arg
        return value or ""

    return INTERPOLATION.sub(substitute, text)


def interpolated_web_environment(env: dict[str, str]) -> dict[str, str]:
    return {
        key: interpolate(value, env)
        for key, value in service_environment(compose()["services"]["web"]).items()
    }


def variables_used(text: str) -> set[str]:
    return {m["name"] for m in INTERPOLATION.finditer(text) if m["name"]}


def dotenv(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def filled_env_example() -> dict[str, str]:
    """.env.example with its empty secrets filled, as a user is told to do."""
    env = dotenv(ROOT / ".env.example")
    for key, value in env.items():
        if not value and key in {"POSTGRES_PASSWORD", "DJANGO_SECRET_KEY"}:
            env[key] = secrets.token_urlsafe(50)
    return env


def test_compose_has_db_and_web_services():
    services = compose()["services"]

    assert set(services) == {"db", "redis", "web"}
    assert services["db"]["image"] == "postgis/postgis:15-3.4"
    assert services["redis"]["image"].startswith("redis:7")
    assert services["web"]["build"] in (".", {"context": "."})


def test_compose_keeps_postgres_data_in_a_named_volume():
    spec = compose()
    named = set(spec.get("volumes") or {})
    mounts = [str(m).split(":") for m in spec["services"]["db"].get("volumes", [])]

    data_mounts = [m for m in mounts if m[1:2] == ["/var/lib/postgresql/data"]]
    assert len(data_mounts) == 1
    assert data_mounts[0][0] in named


@pytest.mark.parametrize(
    ("service", "probe"),
    [("db", "pg_isready"), ("redis", "redis-cli ping"), ("web", "config.health")],
    ids=["db", "redis", "web"],
)
def test_compose_services_have_healthchecks(service, probe):
    check = compose()["services"][service]["healthcheck"]
    test = check["test"]

    assert isinstance(test, list) and test[0] in ("CMD", "CMD-SHELL")
    assert probe in " ".join(test[1:])
    assert not check.get("disable", False)


def test_compose_starts_web_after_db_is_healthy_and_migrates_before_serving():
    web = compose()["services"]["web"]
    command = web["command"] if isinstance(web["command"], str) else " ".join(web["command"])

    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "manage.py migrate" in command
    assert "gunicorn" in command
    assert command.index("manage.py migrate") < command.index("gunicorn")
    assert "config.wsgi" in command
    assert "0.0.0.0:8000" in command
    assert any(str(p).endswith("8000:8000") for p in web["ports"])


def test_web_passes_only_variables_the_settings_read_and_all_they_require():
    reads = settings_env_reads(*SETTINGS_READ_BY_WEB)
    required = {name for name, is_required in reads.items() if is_required}
    passed = set(service_environment(compose()["services"]["web"]))

    assert passed - set(reads) == set(), "web passes variables no setting reads (typo?)"
    assert required - passed == set(), "web does not pass variables production requires"
    assert {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"} <= passed


def test_web_secrets_come_from_the_environment_and_fail_loudly_when_missing():
    env = service_environment(compose()["services"]["web"])

    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"):
        assert re.fullmatch(rf"\$\{{{name}:\?.+\}}", env[name]), f"{name}: use ${{{name}:?msg}}"
    password = compose()["services"]["db"]["environment"]["POSTGRES_PASSWORD"]
    assert re.fullmatch(r"\$\{POSTGRES_PASSWORD:\?.+\}", password)


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "POSTGRES_PASSWORD"]
)
def test_compose_refuses_to_interpolate_without_each_secret(missing):
    env = {**filled_env_example(), missing: ""}

    with pytest.raises(InterpolationError, match=rf"^{missing}: "):
        interpolated_web_environment(env)


def test_database_url_is_postgis_on_the_db_service():
    spec = compose()
    db_env = service_environment(spec["services"]["db"])
    env = filled_env_example()
    url = urlsplit(interpolated_web_environment(env)["DATABASE_URL"])

    assert url.scheme == "postgis"
    assert url.hostname == "db"
    assert url.hostname in spec["services"]
    assert url.port in (None, 5432)
    assert url.username == db_env["POSTGRES_USER"]
    assert url.password == env["POSTGRES_PASSWORD"]
    assert url.path.lstrip("/") == db_env["POSTGRES_DB"]


def test_redis_url_is_the_redis_service_and_keeps_nothing_on_disk():
    spec = compose()
    url = urlsplit(interpolated_web_environment(filled_env_example())["REDIS_URL"])
    command = spec["services"]["redis"]["command"]

    assert url.scheme == "redis"
    assert url.hostname == "redis" and url.hostname in spec["services"]
    assert url.port in (None, 6379)
    # Only rate-limit counters: no snapshot, no append-only file, no volume.
    assert command[command.index("--save") + 1] == ""
    assert command[command.index("--appendonly") + 1] == "no"
    assert not spec["services"]["redis"].get("volumes")


SHOW_CACHE = """
from django.conf import settings as s
print(s.CACHES["default"]["BACKEND"], s.CACHES["default"].get("LOCATION", ""),
      s.TRACKER_TRUSTED_PROXIES, s.TRACKER_API_ANON_RATE)
"""


def test_web_counts_the_rate_limit_in_the_compose_redis(tmp_path):
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        **interpolated_web_environment(filled_env_example()),
    )
    result = subprocess.run(
        [sys.executable, "-c", SHOW_CACHE], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "common.cache.RedisCache",
        "redis://redis:6379/0",
        "0",
        "120/minute",
    ]


def test_env_example_holds_no_secret_and_only_variables_compose_uses():
    example = dotenv(ROOT / ".env.example")
    used = variables_used((ROOT / "docker-compose.yml").read_text())

    assert set(example) <= used
    assert {"POSTGRES_PASSWORD", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"} <= set(example)
    assert example["POSTGRES_PASSWORD"] == ""
    assert example["DJANGO_SECRET_KEY"] == ""


def test_production_settings_pass_check_deploy_with_the_environment_compose_gives_web(tmp_path):
    # A user's .env with the secrets filled and HTTPS redirects left at their default.
    env = {k: v for k, v in filled_env_example().items() if k != "DJANGO_SECURE_SSL_REDIRECT"}
    web_env = interpolated_web_environment(env)
    result = manage(
        clean_env(tmp_path, DJANGO_SETTINGS_MODULE="config.settings.production", **web_env),
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# Dockerfile


def dockerfile() -> list[tuple[str, str]]:
    """Return the Dockerfile's instructions as (KEYWORD, arguments), continuations joined."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.strip().startswith("#") or (not line.strip() and not pending):
            continue
        pending += line.rstrip()
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        keyword, _, args = pending.strip().partition(" ")
        instructions.append((keyword.upper(), " ".join(args.split())))
        pending = ""
    return instructions


def instruction_args(keyword: str) -> list[str]:
    return [args for kw, args in dockerfile() if kw == keyword]


def exec_form(args: str) -> list[str]:
    """Parse a JSON-array CMD/HEALTHCHECK command; the shell form is rejected on purpose."""
    value = json.loads(args)
    assert isinstance(value, list), "use the exec (JSON array) form"
    return value


def test_dockerfile_builds_on_debian_bookworm_python_311():
    (base,) = instruction_args("FROM")

    assert re.fullmatch(r"python:3\.11[\w.-]*-bookworm", base)


def test_dockerfile_serves_tracker_wsgi_with_gunicorn_under_production_settings():
    *_, cmd = instruction_args("CMD")
    command = exec_form(cmd)
    env = " ".join(instruction_args("ENV"))

    assert not instruction_args("ENTRYPOINT")
    assert command[0] == "gunicorn"
    assert command[1] in ("config.wsgi", "config.wsgi:application")
    assert command[command.index("--bind") + 1] == "0.0.0.0:8000"
    assert "8000" in instruction_args("EXPOSE")
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in env


def test_compose_serves_with_the_same_gunicorn_command_as_the_image():
    web = compose()["services"]["web"]
    command = web["command"] if isinstance(web["command"], str) else " ".join(web["command"])
    *_, cmd = instruction_args("CMD")

    assert shlex.split(command.split("exec ", 1)[1]) == exec_form(cmd)


def test_dockerfile_installs_only_the_locked_requirements():
    runs = instruction_args("RUN")
    installs = [r for r in runs if "pip install" in r]
    copies = instruction_args("COPY")

    assert len(installs) == 1
    words = shlex.split(installs[0].split("&&")[0])
    assert words[words.index("-r") + 1] == "requirements.txt"
    # Besides options, nothing but the lock file: no loose package names, no dev lock.
    loose = [w for w in words[words.index("install") + 1 :] if not w.startswith("-")]
    assert loose == ["requirements.txt"]
    assert "requirements-dev.txt" not in " ".join(runs + copies)
    assert any(c.split()[0] == "requirements.txt" for c in copies)


def test_dockerfile_runs_as_a_non_root_user():
    instructions = dockerfile()
    users = [(i, args) for i, (kw, args) in enumerate(instructions) if kw == "USER"]

    assert users, "the image needs a USER"
    index, user = users[-1]
    assert user.split(":")[0] not in ("root", "0")
    # The user is created before it is switched to, and the server starts after the switch.
    created = [args for kw, args in instructions[:index] if kw == "RUN" and "useradd" in args]
    assert created and user.split(":")[0] in created[-1].split()
    cmd_index = max(i for i, (kw, _) in enumerate(instructions) if kw == "CMD")
    assert cmd_index > index


def test_dockerfile_keeps_no_secret_in_the_image():
    declared = " ".join(instruction_args("ENV") + instruction_args("ARG"))

    for name in PRODUCTION_REQUIRED:
        assert name not in declared, f"{name} would be baked into the image"


def test_dockerfile_healthcheck_probes_healthz():
    (check,) = instruction_args("HEALTHCHECK")
    options, _, command = check.partition("CMD ")

    assert exec_form(command)[:3] == ["python", "-m", "config.health"]
    assert exec_form(command)[-1].endswith("/healthz")
    assert "--interval" in options


def test_dockerfile_collectstatic_gives_exactly_what_production_requires_and_works(tmp_path):
    (run,) = [r for r in instruction_args("RUN") if "collectstatic" in r]
    assigned = dict(re.findall(r"(?:^|\s)([A-Z_]+)=(\S+)", run.split("python manage.py")[0]))
    required = {n for n, req in settings_env_reads(*SETTINGS_READ_BY_WEB).items() if req}

    assert set(assigned) == required
    # Run it as the build does, with dummy values, into a throwaway static root.
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        TRACKER_STATIC_ROOT=str(tmp_path / "static"),
        **{name: f"build-only-{secrets.token_urlsafe(50)}" for name in required},
    )
    env["DATABASE_URL"] = "postgis://build@build.invalid/build"
    result = manage(env, "collectstatic", "--noinput")

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    assert "admin/css/base.css" in manifest
    assert "leaflet/leaflet.js" in manifest


@pytest.mark.parametrize("path", [".env", ".git", ".venv", "var"])
def test_dockerignore_keeps_local_state_and_secrets_out_of_the_image(path):
    ignored = {
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }

    assert path in ignored


# Locked requirements


def locked(path: str) -> dict[str, str]:
    """Return {canonical name: version} from a pip-compile output; every line must be `==`."""
    pins = {}
    for line in (ROOT / path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{path}: {line} is not pinned"
        pins[canonicalize_name(requirement.name)] = spec.version
    return pins


def declared(group: str | None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    items = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return [Requirement(item) for item in items]


def extras_requirements(requirement: Requirement) -> set[str]:
    """Return the packages that `requirement`'s extras pull in, from installed metadata."""
    names = set()
    for extra in requirement.extras:
        for item in metadata.requires(requirement.name) or []:
            dependency = Requirement(item)
            marker = dependency.marker or Marker("extra == 'never'")
            if marker.evaluate({"extra": extra}):
                names.add(canonicalize_name(dependency.name))
    return names


@pytest.mark.parametrize(
    ("lock", "groups"),
    [("requirements.txt", [None]), ("requirements-dev.txt", [None, "dev"])],
    ids=["runtime", "dev"],
)
def test_every_declared_dependency_is_pinned_in_its_lock(lock, groups):
    pins = locked(lock)

    for group in groups:
        for requirement in declared(group):
            name = canonicalize_name(requirement.name)
            assert name in pins, f"{requirement} missing from {lock}: run `make lock`"
            assert requirement.specifier.contains(pins[name], prereleases=True), (
                f"{lock} pins {name}=={pins[name]}, outside {requirement.specifier}"
            )
            assert extras_requirements(requirement) <= set(pins), f"{requirement} extras"


def test_runtime_lock_is_the_dev_lock_minus_dev_tools():
    runtime, dev = locked("requirements.txt"), locked("requirements-dev.txt")

    assert {name: dev.get(name) for name in runtime} == runtime


# /healthz


@pytest.mark.django_db
@pytest.mark.urls("config.health")
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.urls("config.health")
def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


HEALTHZ_IN_PROCESS = """
import django, json
django.setup()
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="config.health"):
    c = Client()
    ok = c.get("/healthz", HTTP_HOST="tracker.example.org")
    other = c.get("/somewhere", HTTP_HOST="tracker.example.org")
    bad_host = c.get("/healthz", HTTP_HOST="evil.example.net")
print(json.dumps({"status": ok.status_code, "body": ok.content.decode(),
                  "other": other.status_code, "bad_host": bad_host.status_code}))
"""


def healthz_in_process(tmp_path: Path, database_url: str) -> dict:
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="tracker.example.org",
        DATABASE_URL=database_url,
    )
    result = subprocess.run(
        [sys.executable, "-c", HEALTHZ_IN_PROCESS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_answers_503_when_the_database_is_down(tmp_path):
    # A real PostgreSQL client connecting to a port where nothing listens: no mock.
    outcome = healthz_in_process(tmp_path, f"postgis://nobody:x@127.0.0.1:{closed_port()}/none")

    assert outcome["status"] == 503
    assert json.loads(outcome["body"])["status"] == "error"


def test_healthz_is_plain_http_under_production_settings_but_nothing_else_is(tmp_path):
    outcome = healthz_in_process(tmp_path, f"spatialite:///{tmp_path / 'health.sqlite3'}")

    assert outcome["status"] == 200  # exempt from the HTTPS redirect, for the probe
    assert outcome["other"] == 301  # every other path still redirects to HTTPS
    assert outcome["bad_host"] == 400  # host validation still applies


@pytest.mark.parametrize(
    ("allowed", "host"),
    [
        ("tracker.example.org,www.example.org", "tracker.example.org"),
        (" .example.org", "example.org"),
        ("*", "localhost"),
        ("", "localhost"),
    ],
)
def test_probe_sends_a_host_that_allowed_hosts_accepts(allowed, host):
    assert probe_host(allowed) == host


def run_probe(url: str, allowed_hosts: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DJANGO_ALLOWED_HOSTS": allowed_hosts}
    return subprocess.run(
        [sys.executable, "-m", "config.health", url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("config.health")
def test_probe_exits_zero_only_when_the_server_says_ok(live_server):
    url = f"{live_server.url}/healthz"

    assert run_probe(url, "localhost").returncode == 0
    assert run_probe(url, "not-allowed.example.org").returncode == 1  # 400 from the server
    assert run_probe(f"http://127.0.0.1:{closed_port()}/healthz", "localhost").returncode == 1


def test_project_urlconf_routes_healthz():
    try:
        match = resolve("/healthz")
    except Resolver404:
        pytest.skip(
            "config/urls.py does not include config.health yet: "
            'add path("", include("config.health")) to urlpatterns'
        )
    assert match.func is healthz

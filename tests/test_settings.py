"""Settings safety: production fails loudly without its secrets, and nothing unsafe is a default.

Production settings are loaded in subprocesses with a clean environment, so a variable set in
the developer's shell or by the test run cannot make a missing one look present.
"""

import ast
import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from config.storage import StaticFilesStorage

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DIR = ROOT / "config" / "settings"
PRODUCTION_REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")


def clean_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """Return an environment with nothing from the caller but PATH, plus `variables`."""
    return {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TRACKER_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """Return a complete production environment; an override of None removes that variable."""
    variables = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "tracker.example.org, www.tracker.example.org",
        "DATABASE_URL": "postgis://tracker:pw@db.invalid:5432/tracker",
        "REDIS_URL": "redis://redis.invalid:6379/0",
        **overrides,
    }
    return clean_env(tmp_path, **{k: v for k, v in variables.items() if v is not None})


def run_python(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run_python(env, "manage.py", *args)


# Loads settings and logging as django.setup() does, without importing every app.
SHOW_SETTINGS = """
import json, logging
from django.conf import settings as s
from django.utils.log import configure_logging
configure_logging(s.LOGGING_CONFIG, s.LOGGING)
logging.getLogger("tracker.deploy_probe").warning("probe-log-line")
print(json.dumps({
    "DEBUG": s.DEBUG,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS,
    "ENGINE": s.DATABASES["default"]["ENGINE"],
    "HOST": s.DATABASES["default"]["HOST"],
    "STATIC_ROOT": str(s.STATIC_ROOT),
    "STATICFILES_STORAGE": s.STORAGES["staticfiles"]["BACKEND"],
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
}))
"""


def production_settings(env: dict[str, str]) -> tuple[dict, subprocess.CompletedProcess]:
    result = run_python(env, "-c", SHOW_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result


# Production refuses to start without what it needs.


@pytest.mark.parametrize("variable", PRODUCTION_REQUIRED)
def test_production_refuses_to_start_without_each_required_variable(tmp_path, variable):
    result = manage(production_env(tmp_path, **{variable: None}), "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Set the environment variable {variable}" in result.stderr


@pytest.mark.parametrize("variable", PRODUCTION_REQUIRED)
def test_production_treats_a_blank_variable_as_missing(tmp_path, variable):
    result = manage(production_env(tmp_path, **{variable: "   "}), "check")

    assert result.returncode != 0
    assert f"Set the environment variable {variable}" in result.stderr


def test_production_refuses_an_allowed_hosts_list_of_only_commas(tmp_path):
    result = manage(production_env(tmp_path, DJANGO_ALLOWED_HOSTS=" , "), "check")

    assert result.returncode != 0
    assert "Set the environment variable DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_check_deploy_passes_with_no_warnings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_catches_a_production_setting_turned_unsafe(tmp_path):
    # The same command as above fails when HTTPS redirects are off: it can fail, so it tests.
    env = production_env(tmp_path, DJANGO_SECURE_SSL_REDIRECT="0")
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_check_deploy_warns_that_the_rate_limit_is_per_process_without_redis(tmp_path):
    result = manage(
        production_env(tmp_path, REDIS_URL=None), "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode != 0
    assert "tracker.W001" in result.stdout + result.stderr
    assert "REDIS_URL" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("backend", "rate", "warned"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", "120/minute", True),
        ("django.core.cache.backends.redis.RedisCache", "120/minute", False),
        ("django.core.cache.backends.locmem.LocMemCache", None, False),
    ],
    ids=["per-process", "redis", "no-limit"],
)
def test_the_shared_rate_limit_check_warns_only_for_a_per_process_count(
    settings, backend, rate, warned
):
    from tracker.checks import rate_limit_is_shared

    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "redis://127.0.0.1:1/0"}}
    settings.TRACKER_API_ANON_RATE = rate

    assert [m.id for m in rate_limit_is_shared()] == (["tracker.W001"] if warned else [])


def test_production_settings_read_their_environment(tmp_path):
    static_root = tmp_path / "static-here"
    env = production_env(
        tmp_path,
        DJANGO_DEBUG="1",  # local settings honour this; production must not
        DJANGO_CSRF_TRUSTED_ORIGINS="https://tracker.example.org, https://x.example.org",
        TRACKER_STATIC_ROOT=str(static_root),
    )
    settings, _ = production_settings(env)

    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == ["tracker.example.org", "www.tracker.example.org"]
    assert settings["CSRF_TRUSTED_ORIGINS"] == [
        "https://tracker.example.org",
        "https://x.example.org",
    ]
    assert settings["ENGINE"] == "django.contrib.gis.db.backends.postgis"
    assert settings["HOST"] == "db.invalid"
    assert settings["STATIC_ROOT"] == str(static_root)
    # WhiteNoise's compressed manifest storage, also hashing the ES modules' imports.
    assert settings["STATICFILES_STORAGE"] == "config.storage.StaticFilesStorage"
    assert issubclass(StaticFilesStorage, CompressedManifestStaticFilesStorage)
    assert StaticFilesStorage.support_js_module_import_aggregation is True
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["CSRF_COOKIE_SECURE"] is True
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365


def test_production_static_root_defaults_under_var(tmp_path):
    settings, _ = production_settings(production_env(tmp_path))

    assert settings["STATIC_ROOT"] == str(tmp_path / "var" / "static")


def test_production_logs_to_stdout(tmp_path):
    _, result = production_settings(production_env(tmp_path))

    assert "probe-log-line" in result.stdout
    assert "probe-log-line" not in result.stderr


# Nothing unsafe in the settings every environment inherits.


def test_base_settings_have_debug_off_no_hosts_and_no_secret():
    from config.settings import base

    assert base.DEBUG is False
    assert base.ALLOWED_HOSTS == []
    assert not hasattr(base, "SECRET_KEY")


def settings_tree(name: str) -> ast.Module:
    return ast.parse((SETTINGS_DIR / f"{name}.py").read_text(), filename=f"{name}.py")


def assignments(tree: ast.Module, target: str) -> list[ast.expr]:
    """Return the value of every module-level `target = ...`."""
    values = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        named = any(isinstance(t, ast.Name) and t.id == target for t in targets)
        if named and isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            values.append(node.value)
    return values


def _is_environ_get(func: ast.expr) -> bool:
    """`os.environ.get` or `os.getenv`."""
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "getenv":
        return isinstance(func.value, ast.Name) and func.value.id == "os"
    return func.attr == "get" and _is_environ(func.value)


def _is_environ(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _first_arg(call: ast.Call) -> ast.expr | None:
    return call.args[0] if call.args else None


def env_helpers(tree: ast.Module) -> dict[str, bool]:
    """Map each function that reads the variable named by its first parameter to whether it
    raises (a required read). Helpers calling helpers count, like `_required_list`."""
    helpers: dict[str, bool] = {}
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.args.args]
    changed = True
    while changed:
        changed = False
        for fn in functions:
            param = fn.args.args[0].arg
            raises = False
            reads = False
            for node in ast.walk(fn):
                if isinstance(node, ast.Raise):
                    raises = True
                if not isinstance(node, ast.Call):
                    continue
                arg = _first_arg(node)
                if not (isinstance(arg, ast.Name) and arg.id == param):
                    continue
                if _is_environ_get(node.func):
                    reads = True
                elif isinstance(node.func, ast.Name) and node.func.id in helpers:
                    reads = True
                    raises = raises or helpers[node.func.id]
            if reads and helpers.get(fn.name) != raises:
                helpers[fn.name] = raises
                changed = True
    return helpers


def env_reads(tree: ast.AST, helpers: dict[str, bool] | None = None) -> dict[str, bool]:
    """Map each environment variable that `tree` reads to whether it is required.

    Reads are `os.environ.get("X")`, `os.getenv("X")`, `os.environ["X"]` (required) and calls
    of the module's own helpers such as `_required("X")`.
    """
    if helpers is None:
        helpers = env_helpers(tree) if isinstance(tree, ast.Module) else {}
    reads: dict[str, bool] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_environ(node.value):
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                reads[key.value] = True
        if not isinstance(node, ast.Call):
            continue
        arg = _first_arg(node)
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            continue
        if _is_environ_get(node.func):
            reads.setdefault(arg.value, False)
        elif isinstance(node.func, ast.Name) and node.func.id in helpers:
            reads[arg.value] = reads.get(arg.value, False) or helpers[node.func.id]
    return reads


def settings_env_reads(*modules: str) -> dict[str, bool]:
    """Merge `env_reads` over settings modules: a variable is required if any module requires it."""
    merged: dict[str, bool] = {}
    for module in modules:
        for name, required in env_reads(settings_tree(module)).items():
            merged[name] = merged.get(name, False) or required
    return merged


def test_env_read_parser_finds_the_required_production_variables():
    reads = settings_env_reads("base", "production")

    assert {name for name, required in reads.items() if required} == set(PRODUCTION_REQUIRED)
    assert reads["TRACKER_TILE_URL"] is False  # optional reads are found too


@pytest.mark.parametrize("module", ["base", "production", "local"])
def test_no_secret_key_literal_in_settings(module):
    tree = settings_tree(module)
    helpers = env_helpers(tree)
    for value in assignments(tree, "SECRET_KEY"):
        names = set(env_reads(value, helpers))
        literals = {
            node.value
            for node in ast.walk(value)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert literals <= names, f"{module}.py SECRET_KEY has a literal (or literal default)"
    text = (SETTINGS_DIR / f"{module}.py").read_text()
    assert "django-insecure" not in text


def test_production_takes_its_secret_key_from_the_environment():
    tree = settings_tree("production")
    values = assignments(tree, "SECRET_KEY")

    assert len(values) == 1
    assert env_reads(values[0], env_helpers(tree)) == {"DJANGO_SECRET_KEY": True}


@pytest.mark.parametrize("module", ["base", "production", "test"])
def test_debug_is_only_ever_false_outside_local_settings(module):
    values = assignments(settings_tree(module), "DEBUG")

    assert values or module != "base", "base.py must set DEBUG explicitly"
    for value in values:
        assert isinstance(value, ast.Constant) and value.value is False


def test_local_settings_turn_debug_on_by_default(tmp_path):
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="config.settings.local")
    result = run_python(
        env, "-c", "from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['127.0.0.1', 'localhost', '[::1]']"
    # The key it made lives in var/, never in the repository.
    assert (tmp_path / "var" / "secret_key").stat().st_size >= 50

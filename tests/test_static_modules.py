"""The map's ES modules after `collectstatic` with the production storage: every import hashed.

Rule: in production every static file is served under a hashed name with far-future cache
headers; a module importing "./state.js" by its plain name would load an unversioned (and,
after a deploy, possibly stale) copy. So each relative import inside a collected module must
name the hashed file the manifest maps it to, and the page must load the hashed entry point.
"""

import json
import posixpath
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from config.settings import base

SOURCE = Path(__file__).resolve().parent.parent / "static" / "js" / "map"
# import ... from "./x.js";  export ... from "./x.js";  import "./x.js";  import("./x.js")
IMPORT = re.compile(r"""\b(?:from|import)\s*\(?\s*["']([^"']+)["']""")


def imports(text: str) -> list[str]:
    return IMPORT.findall(text)


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """Collect the static files as production does; return (static root, manifest paths)."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STORAGES=base.STORAGES, STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
        yield root, manifest


def test_the_import_pattern_reads_every_form_of_import():
    text = 'import { a } from "./a.js";\nimport * as b from \'./b.js\';\nimport "./c.js";\n'
    text += 'export { d } from "./d.js";\nconst e = import("./e.js");\n// imports from nowhere\n'

    assert imports(text) == ["./a.js", "./b.js", "./c.js", "./d.js", "./e.js"]


def test_every_module_imports_by_relative_path_a_file_that_exists_in_the_source_tree():
    modules = sorted(SOURCE.glob("*.js"))

    assert len(modules) >= 10
    for module in modules:
        for target in imports(module.read_text()):
            assert target.startswith("./"), f"{module.name}: {target} is not relative"
            assert (SOURCE / target).is_file(), f"{module.name}: {target} does not exist"


def test_collected_modules_import_one_another_by_their_hashed_names(collected):
    root, manifest = collected
    hashed = set(manifest.values())
    seen = set()
    todo = [manifest["js/map/main.js"]]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for target in imports((root / name).read_text()):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            assert resolved in hashed, f"{name} imports {target}, not a hashed name"
            assert (root / resolved).is_file()
            todo.append(resolved)

    # Every module of the source tree is reached from the entry point, under its hashed name.
    assert seen == {manifest[f"js/map/{module.name}"] for module in SOURCE.glob("*.js")}


@pytest.mark.django_db
def test_the_map_page_loads_the_hashed_entry_point_as_a_module(collected, client):
    root, manifest = collected
    with override_settings(STORAGES=base.STORAGES, STATIC_ROOT=root):
        page = client.get("/").content.decode()

    assert f'<script type="module" src="/static/{manifest["js/map/main.js"]}"></script>' in page
    assert f'<script src="/static/{manifest["leaflet/leaflet.js"]}"></script>' in page

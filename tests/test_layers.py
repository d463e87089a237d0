"""The project's layers, checked on its own source: every import runs downhill, no module is long.

The layers, lowest first (notes/LAYOUT15.md); a module imports only from its own layer or
lower ones, and imports of anything outside the project (Django, the standard library) are
not looked at:

1. `common` imports no app;
2. `districts` imports `common`;
3. `sources` imports `common` and `districts`;
4. the tracker's claims core (`tracker` minus `tracker.admin` and `tracker.api`) imports the
   layers below and itself, never `tracker.admin`, `tracker.api`, `quantitative` or `config`;
   `tracker.admin` and `tracker.api` import the claims core and below, and themselves;
5. `quantitative` imports the claims core and below, and of the admin and the API only the
   modules they share with it (`SHARED_WITH_QUANTITATIVE`); so does `ogc`, the OGC API -
   Features, which nothing but `config` imports;
6. `config` imports anything; nothing outside `config` imports it (settings are read through
   `django.conf.settings`; `manage.py` and the tests are not app modules).

The modules are found by walking the packages and parsing each file with `ast`: `import a.b`,
`from a import b` (the module `a.b` when there is one, else `a`), relative imports resolved
against the importing module's package, imports inside functions, and
`importlib.import_module("a.b")` with a literal name. Migrations are checked like any module.

No app module is over `SIZE_MAX_LINES` lines, migrations excepted, save those in
`OVERSIZE_PENDING`: modules being split right now, listed on each run; an entry that no longer
needs to be there fails the check, so the list only shrinks.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

from django.conf import settings

PACKAGES = ["common", "districts", "sources", "tracker", "quantitative", "ogc", "releases"]
PACKAGES += ["config"]
# "About 400 lines" (issue 15): 400 and a twentieth. The engine, whose docstring states every
# rule in words, is the one module near the bound (tracker/timeline.py).
SIZE_MAX_LINES = 420
CORE = "tracker"  # the claims core: the tracker package minus its admin and API
SPLIT_OFF = {"tracker.admin": "tracker.admin", "tracker.api": "tracker.api"}
LOWER = {
    "common": set(),
    "districts": {"common"},
    "sources": {"common", "districts"},
    CORE: {"common", "districts", "sources"},
    "tracker.admin": {"common", "districts", "sources", CORE},
    "tracker.api": {"common", "districts", "sources", CORE},
    "quantitative": {"common", "districts", "sources", CORE},
    "ogc": {"common", "districts", "sources", CORE},
    # Citable releases freeze every table (quantitative claims too) and serve them through the
    # API's shared plumbing: the claims core, its API and the quantitative app, never the admin.
    "releases": {"common", "districts", "sources", CORE, "tracker.api", "quantitative"},
    "config": {"common", "districts", "sources", CORE, "tracker.admin", "tracker.api"}
    | {"quantitative", "ogc", "releases"},
}
# What the quantitative app (and the OGC API, `ogc`) may take from the tracker's admin and API:
# their shared bases.
SHARED_WITH_QUANTITATIVE = (
    "tracker.admin.extend",
    "tracker.admin.review",
    "tracker.admin.sources",
    "tracker.api.base",
    "tracker.api.pagination",
    "tracker.api.parameters",
    "tracker.api.renderers",
    "tracker.api.selectors",
    "tracker.api.serializers.fields",
)
# Modules over the size limit while others split them (issue 15); the lead empties this.
OVERSIZE_PENDING: set[str] = set()
# Imports against the layers kept for a while, each with the reason and when it goes.
LAYER_PENDING: dict[str, str] = {}


def modules_find(root: Path, packages: list[str] = PACKAGES) -> dict[str, Path]:
    """Return every Python module of the given packages under `root`, by dotted name."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _absolute(module: str, path: Path, level: int, target: str | None) -> str:
    """Resolve a relative import (`from ..x import y`, `level` dots) inside `module`."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """Return the names `module` (at `path`) imports, as modules of `known` where they are."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level:
                source = _absolute(module, path, node.level, node.module)
            for alias in node.names:
                candidate = f"{source}.{alias.name}" if source else alias.name
                names.add(candidate if candidate in known else source)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


def layer_of(module: str) -> str | None:
    """Name the layer a project module belongs to, or None for a module outside the project."""
    for prefix, layer in SPLIT_OFF.items():
        if module == prefix or module.startswith(prefix + "."):
            return layer
    top = module.split(".")[0]
    return top if top in LOWER else None


def import_allowed(importer: str, imported: str) -> bool:
    """Say whether `importer` may import `imported` under the layer rules above."""
    source, target = layer_of(importer), layer_of(imported)
    if target is None or source is None or source == target:
        return True
    if source in ("quantitative", "ogc") and imported.startswith(SHARED_WITH_QUANTITATIVE):
        return True
    return target in LOWER[source]


def layer_breaches(root: Path, pending: dict[str, str] | None = None) -> list[str]:
    """Return "importer imports imported" for each import against the layers under `root`."""
    pending = LAYER_PENDING if pending is None else pending
    modules = modules_find(root)
    breaches = []
    for module, path in modules.items():
        for imported in sorted(imports_of(module, path, set(modules))):
            if import_allowed(module, imported) or pending.get(module) == imported:
                continue
            breaches.append(f"{module} ({layer_of(module)}) imports {imported}")
    return breaches


def oversize(root: Path, pending: set[str]) -> tuple[list[str], list[str]]:
    """Return the modules over the size limit not pending, and the pending ones no longer over."""
    lines = {
        module: len(path.read_text(encoding="utf-8").splitlines())
        for module, path in modules_find(root).items()
        if ".migrations." not in f".{module}."
    }
    over = [
        f"{module}: {count} lines"
        for module, count in sorted(lines.items())
        if count > SIZE_MAX_LINES and module not in pending
    ]
    stale = sorted(m for m in pending if lines.get(m, 0) <= SIZE_MAX_LINES)
    return over, stale


# The project itself


def test_every_import_runs_downhill():
    assert layer_breaches(Path(settings.BASE_DIR)) == []


def test_no_app_module_is_over_the_size_limit_save_those_being_split():
    warnings.warn(
        f"OVERSIZE_PENDING still lists {len(OVERSIZE_PENDING)} modules over "
        f"{SIZE_MAX_LINES} lines: {', '.join(sorted(OVERSIZE_PENDING))}",
        stacklevel=1,
    )
    over, stale = oversize(Path(settings.BASE_DIR), OVERSIZE_PENDING)
    assert over == [], "split these modules"
    assert stale == [], "these are short now: remove them from OVERSIZE_PENDING"


# The checker, on a small made-up project


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


GOOD = {
    "common/__init__.py": "",
    "common/csvfile.py": "import csv\n",
    "districts/__init__.py": "",
    "districts/models.py": "from common import csvfile\nfrom django.db import models\n",
    "sources/__init__.py": "",
    "sources/models.py": "from districts.models import *\nfrom . import admin\n",
    "sources/admin.py": "",
    "tracker/__init__.py": "",
    "tracker/models.py": "from sources import models\nfrom .roles import ANALYST\n",
    "tracker/roles.py": "ANALYST = 'analyst'\n",
    "tracker/admin/__init__.py": "from . import claims\n",
    "tracker/admin/claims.py": "from ..models import x\nfrom districts import models\n",
    "tracker/admin/review.py": "",
    "tracker/api/__init__.py": "",
    "tracker/api/base.py": "from tracker import roles\n",
    "quantitative/__init__.py": "",
    "quantitative/admin.py": "from tracker.admin import review\nfrom tracker.api.base import x\n",
    "config/__init__.py": "",
    "config/urls.py": "import tracker.api.base\nfrom quantitative import admin\n",
    "districts/migrations/__init__.py": "",
    "districts/migrations/0001_initial.py": "from django.db import migrations\n" * 500,
}


def test_the_checker_passes_a_project_whose_imports_run_downhill(tmp_path):
    assert layer_breaches(_tree(tmp_path, GOOD), pending={}) == []
    assert oversize(tmp_path, set()) == ([], [])


def test_the_checker_names_each_uphill_import_absolute_relative_or_by_import_module(tmp_path):
    bad = {
        **GOOD,
        "common/csvfile.py": "from districts.models import District\n",
        "districts/admin.py": "def strips():\n    from tracker.admin import strips\n",
        "sources/models.py": "import importlib\nimportlib.import_module('tracker.roles')\n",
        "tracker/services.py": "from .admin import claims\n",
        "tracker/admin/strips.py": "from ... import config\n",
        "tracker/api/views.py": "from tracker.admin.claims import ClaimAdmin\n",
        "quantitative/api.py": "from tracker.api.views import ApiMixin\n",
        "districts/migrations/0002_x.py": "import quantitative\n",
    }
    assert sorted(layer_breaches(_tree(tmp_path, bad), pending={})) == [
        "common.csvfile (common) imports districts.models",
        "districts.admin (districts) imports tracker.admin.strips",
        "districts.migrations.0002_x (districts) imports quantitative",
        "quantitative.api (quantitative) imports tracker.api.views",
        "sources.models (sources) imports tracker.roles",
        "tracker.admin.strips (tracker.admin) imports config",
        "tracker.api.views (tracker.api) imports tracker.admin.claims",
        "tracker.services (tracker) imports tracker.admin.claims",
    ]


def test_the_checker_lets_a_pending_import_pass_and_only_that_one(tmp_path):
    bad = {**GOOD, "tracker/shim.py": "from tracker.admin.review import x\nimport config\n"}
    breaches = layer_breaches(
        _tree(tmp_path, bad), pending={"tracker.shim": "tracker.admin.review"}
    )
    assert breaches == ["tracker.shim (tracker) imports config"]


def test_the_checker_names_long_modules_and_pending_ones_grown_short(tmp_path):
    long = "x = 1\n" * (SIZE_MAX_LINES + 1)
    tree = {
        **GOOD,
        "tracker/timeline.py": long,
        "sources/admin.py": long,
        "tracker/api/base.py": "",
    }
    over, stale = oversize(_tree(tmp_path, tree), {"tracker.timeline", "tracker.api.base"})
    assert over == [f"sources.admin: {SIZE_MAX_LINES + 1} lines"]
    assert stale == ["tracker.api.base"]

"""Static files storage for production: hashed, compressed, and ES modules' imports hashed too."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage that also rewrites `import ... from "./x.js";`.

    The map's scripts (static/js/map/) are native ES modules importing one another by relative
    path. Django hashes every file's name; without this, main.abc123.js would still import
    "./state.js", an unhashed name served without the long cache headers and, once a module
    changes, a stale copy. Django's import patterns need the statement to end with a `;`.
    """

    support_js_module_import_aggregation = True

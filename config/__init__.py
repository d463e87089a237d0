"""The project package: settings, URLs, WSGI, middleware, health probe and deploy checks.

The apps live beside it: `districts` and `sources` (the lower layers), `tracker` (the claims
core, its admin and API) and the others named in the README's layout section.
"""

"""The tracker's admin: one module per concern, all registered when Django imports this package.

- `claims`: the claim admin (list, review actions, history); `entry`: the claim form and its
  save through the services; `places`: the form's district box (districts, aliases, regions)
  and the line under it that says what saving will do; `review`: the reason asked before a rejection or dispute (shared
  with the quantitative claims' admin);
- `workflow`: the queue of unmapped place names and the CSV import; `paint`: painting an
  assessment map; both are served under the claim admin's URLs;
- `actors`, `periods` (the resolved timeline, read-only), `tokens` (API tokens);
- the tracker's extensions of the lower apps' pages, which never import the tracker
  (`extend`): `districts` (a district's control strips, drawn by `strips`), `place_names`
  (regions and aliases recompute the claims they name), `sources` (a document's claims,
  a source's defaults).
"""

from django.contrib import admin

from tracker.admin import (  # noqa: F401  (imported to register their admin classes)
    actors,
    claims,
    districts,
    periods,
    place_names,
    sources,
    tokens,
)

admin.site.site_header = "Aleppo control tracker"
admin.site.site_title = "Control tracker admin"
admin.site.index_title = "Districts, sources and claims"
admin.site.enable_nav_sidebar = False  # wide changelists matter more than a second menu

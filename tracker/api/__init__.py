"""The research API, version 1: every record and the resolved timeline, under /api/v1/.

Views parse their input with a serializer, call a selector or a service, and return. Reads are
public and show only claims that are not rejected; writes need an analyst, review changes a
reviewer (see `permissions`). Every read carries an ETag and Last-Modified computed from the
dataset version (see `conditional`), so clients and caches can revalidate cheaply.

One resource a module: `districts` (with a district's history), `actors`, `sources` (sources
and documents), `claims`, `timeline` (control/ and timeline/), `changes`, `stats` (stats/area/);
`base` holds the plumbing every view shares and `parameters` the OpenAPI parameters several
document alike. The rule for serializers: each resource's serializers live in the module of
the same name in the `serializers` package (`tracker.api.claims` reads
`tracker.api.serializers.claims`), with the shared fields in `serializers.fields`; the measuring
fields added to the timeline reads stay in `serializers_measure`.
"""

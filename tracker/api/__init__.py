"""The research API, version 1: every record and the resolved timeline, under /api/v1/.

Views parse their input with a serializer, call a selector or a service, and return. Reads are
public and show only claims that are not rejected; writes need an analyst, review changes a
reviewer (see `permissions`). Every read carries an ETag and Last-Modified computed from the
dataset version (see `conditional`), so clients and caches can revalidate cheaply.
"""

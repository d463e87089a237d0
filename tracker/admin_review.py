"""Where `tracker/admin_quantitative.py` finds the review-reason check: `tracker.admin.review`.

A stopgap while that module moves into the quantitative app, which imports
`tracker.admin.review` itself; delete this module then.
"""

from tracker.admin.review import review_reason_clean  # noqa: F401

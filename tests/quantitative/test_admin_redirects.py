"""The admin pages of quantitative claims moved from /admin/tracker/ to /admin/quantitative/;
old links are redirected there (temporarily), path and query string kept."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/tracker/quantitativeclaim/", "admin:quantitative_quantitativeclaim_changelist"),
        ("/admin/tracker/quantitativeclaim/add/", "admin:quantitative_quantitativeclaim_add"),
    ],
)
def test_an_old_admin_url_of_quantitative_claims_redirects_to_the_new_one(client, old, new):
    response = client.get(old + "?measure=share_held")
    assert response.status_code == 302
    assert response["Location"] == reverse(new) + "?measure=share_held"


def test_an_old_change_page_url_redirects_to_the_same_claim_under_the_new_app(client):
    response = client.get("/admin/tracker/quantitativeclaim/42/change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:quantitative_quantitativeclaim_change", args=[42])

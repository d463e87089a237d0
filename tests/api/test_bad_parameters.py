"""Every bad parameter is a 400 (or a 404 for an unknown slug or a page past the end) whose JSON
names the parameter and says how to fix it; never a 500."""

import pytest

pytestmark = pytest.mark.django_db

BAD = [
    # (url, the parameter the answer must name)
    ("/api/v1/control/", "on"),
    ("/api/v1/control/?on=2016-13-01", "on"),
    ("/api/v1/control/?on=07/12/2016", "on"),
    ("/api/v1/control/?on=9999-12-31", "on"),
    ("/api/v1/control/?on=2016-12-07&lens=everyone", "lens"),
    ("/api/v1/control/?on=2016-12-07&lens=stance:neutral", "lens"),
    ("/api/v1/control/?on=2016-12-07&lens=source:nobody", "lens"),
    ("/api/v1/control/?on=2016-12-07&lens=source:%00", "lens"),
    ("/api/v1/timeline/?lens=source:", "lens"),
    ("/api/v1/districts/hanano/history/?lens=bogus", "lens"),
    ("/api/v1/districts/?simplify=0.5", "simplify"),
    ("/api/v1/districts/?simplify=-1", "simplify"),
    ("/api/v1/districts/?simplify=nan", "simplify"),
    ("/api/v1/districts/?simplify=lots", "simplify"),
    ("/api/v1/districts/hanano/?simplify=inf", "simplify"),
    ("/api/v1/districts/?bbox=1,2,3", "bbox"),
    ("/api/v1/districts/?bbox=200,0,210,10", "bbox"),
    ("/api/v1/districts/?bbox=37,36,36,37", "bbox"),
    ("/api/v1/districts/?bbox=a,b,c,d", "bbox"),
    ("/api/v1/changes/", "since"),
    ("/api/v1/changes/?since=2016-12-10&until=2016-12-01", "until"),
    ("/api/v1/changes/?since=yesterday", "since"),
    ("/api/v1/changes/?since=2000-01-01&until=2010-01-11", "until"),
    ("/api/v1/stats/area/?from=2016-12-10&to=2016-12-01", "to"),
    ("/api/v1/stats/area/?from=2000-01-01&to=2020-01-01&step=1", "step"),
    ("/api/v1/stats/area/?step=0", "step"),
    ("/api/v1/stats/area/?step=99999", "step"),
    ("/api/v1/stats/area/?from=2016-02-30", "from"),
    ("/api/v1/stats/area/?lens=stance:x", "lens"),
    ("/api/v1/claims/?from=2016-12-10&to=2016-12-01", "to"),
    ("/api/v1/claims/?from=not-a-day", "from"),
    ("/api/v1/claims/?stance=neutral", "stance"),
    ("/api/v1/claims/?status=won", "status"),
    ("/api/v1/claims/?review_status=maybe", "review_status"),
    ("/api/v1/claims/?mapped=perhaps", "mapped"),
    ("/api/v1/claims/?district=no%20spaces", "district"),
    ("/api/v1/claims/?actor=%00", "actor"),
    ("/api/v1/claims/?ordering=quote", "ordering"),
    ("/api/v1/claims/?page_size=0", "page_size"),
    ("/api/v1/claims/?page_size=5000", "page_size"),
    ("/api/v1/claims/?page_size=ten", "page_size"),
    ("/api/v1/claims/?format=xml", "format"),
    ("/api/v1/districts/?format=csv", "format"),
]


@pytest.mark.parametrize(("url", "parameter"), BAD)
def test_a_bad_parameter_is_a_400_naming_it(anon, world, url, parameter):
    response = anon.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert parameter in body, body
    assert all(isinstance(m, str) and len(m) > 10 for m in body[parameter])


def test_the_step_cap_message_says_which_step_would_do(anon, world):
    body = anon.get("/api/v1/stats/area/?from=2000-01-01&to=2020-01-01").json()
    assert "at most 2000" in body["step"][0] and "Raise step to 4" in body["step"][0]


def test_the_longest_changes_range_is_served_and_one_day_more_is_not(anon, world):
    # 3660 days from 2006-12-01 is 2016-12-08 (three leap days); the default until stops there.
    assert anon.get("/api/v1/changes/?since=2006-12-01&until=2016-12-08").status_code == 200
    over = anon.get("/api/v1/changes/?since=2006-12-01&until=2016-12-09").json()
    assert "3660 days" in over["until"][0] and "2016-12-08 or earlier" in over["until"][0]
    assert anon.get("/api/v1/changes/?since=2006-12-01").json()["until"] == "2016-12-08"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/?page=99",
        "/api/v1/claims/?page=0",
        "/api/v1/claims/?page=last-but-one",
        "/api/v1/actors/?page=99999999999999999999",
        "/api/v1/districts/nowhere/",
        "/api/v1/districts/nowhere/history/",
        "/api/v1/sources/nobody/",
        "/api/v1/actors/nobody/",
        "/api/v1/claims/99999999/",
        "/api/v1/documents/99999999999999999999999/",
        "/api/v1/claims/abc/",
        "/api/v1/districts/%00/",
    ],
)
def test_an_unknown_object_or_page_is_a_404_with_a_json_reason(anon, world, url):
    response = anon.get(url)
    assert response.status_code == 404
    if response["Content-Type"].startswith("application/json"):  # the URL matched a view
        assert response.json()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing/", "/api/v1/districts/a%0Ab/", "/api/v1/claims/1,2/", "/api/v2/control/"],
)
def test_a_path_under_api_that_names_no_endpoint_is_a_json_404(anon, path):
    response = anon.get(path)
    assert response.status_code == 404
    assert "/api/docs/" in response.json()["detail"]

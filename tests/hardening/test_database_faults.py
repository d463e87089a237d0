"""While the database server is away the app answers 503 with a clear message, then recovers.

PostGIS only: a database server can go away; SpatiaLite is a file inside the process (and an
in-memory database in tests), so the same fault cannot happen to it.
"""

import socket

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgis_only,
]


def closed_port() -> int:
    """Return a loopback port on which nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_away():
    """Point the connection at nowhere for the test's requests, then restore it."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))

    def back():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    yield back
    back()


def test_api_answers_503_naming_the_database_while_it_is_away(client, database_away):
    response = client.get("/api/v1/control/?on=2016-12-07&lens=consensus")
    assert response.status_code == 503
    assert "database is unavailable" in response.json()["detail"]
    assert response["Retry-After"] == "30"


def test_district_shapes_answer_503_json_while_the_database_is_away(client, database_away):
    response = client.get("/map/districts.geojson")
    assert response.status_code == 503 and response["Content-Type"] == "application/json"


def test_admin_page_answers_503_html_while_the_database_is_away(client, database_away):
    client.cookies["sessionid"] = "a-signed-in-analyst"  # reading the session needs the database
    response = client.get("/admin/", HTTP_ACCEPT="text/html")
    assert response.status_code == 503
    assert b"temporarily unavailable" in response.content
    assert response["Content-Type"].startswith("text/html")


def test_the_app_recovers_by_itself_when_the_database_returns(client, database_away):
    url = "/api/v1/control/?on=2016-12-07&lens=consensus"
    assert client.get(url).status_code == 503
    database_away()
    assert client.get(url).status_code == 200


def test_health_check_reports_the_database_away_and_back(client, database_away):
    assert client.get("/healthz").status_code == 503
    database_away()
    assert client.get("/healthz").status_code == 200

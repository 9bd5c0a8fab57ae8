"""``start_server(demo=True)``: the demo catalogue, its packages and the demo learner."""

from pathlib import Path

import requests

from server.running import start_server
from tests.server_fixtures import TIMEOUT


def test_demo_server_serves_catalogue_packages_and_demo_learner(tmp_path: Path) -> None:
    with start_server(tmp_path / "demo", demo=True) as server:
        feed = requests.get(f"{server.url}/api/v1/catalog/changes", params={"limit": 1000},
                            timeout=TIMEOUT).json()
        assert len(feed["courses"]) >= 6 and not feed["more"]
        sections = {course["section"] for course in feed["courses"]}
        assert len(sections) == 6
        package = feed["courses"][0]["package"]
        head = requests.head(server.url + package["url"], timeout=TIMEOUT)
        assert int(head.headers["Content-Length"]) == package["size"]
        token = requests.post(f"{server.url}/api/v1/auth/token",
                              json={"username": "demo", "password": "demo"}, timeout=TIMEOUT)
        assert token.status_code == 200
    with start_server(tmp_path / "demo", demo=True) as again:
        cursor = requests.get(f"{again.url}/api/v1/catalog/changes", params={"since": feed[
            "cursor"]}, timeout=TIMEOUT).json()
        assert cursor["courses"] == [], "restarting with --demo must not republish"

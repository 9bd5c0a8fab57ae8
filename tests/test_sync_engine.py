"""A whole sync run: an app the platform calls too old, and sign-ins that have expired."""

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app import profiles, settings
from app.errors import NotFoundError
from app.progress import waiting_count
from app.store import Store
from server.running import RunningServer, start_server
from sync import api
from sync.accounts import destination, sign_in
from sync.cli import UPDATE_REQUIRED, main
from sync.client import Client
from sync.connectivity import SKEW_KEY
from sync.engine import sync_all
from sync.errors import UpdateRequiredError
from tests.fault_proxy import FaultProxy
from tests.sync_support import LEARNER, publish, record_events, server_statement_ids

UPDATE_MESSAGE = "Please update the app to keep syncing."  # the reference server's words


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    folder = tmp_path_factory.mktemp("server")
    with start_server(folder) as running:
        running.add_learner(*LEARNER)
        publish(running, folder / "build", "c1")
        yield running


@pytest.fixture(scope="module")
def newer_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A platform that no longer syncs with this client's protocol."""
    folder = tmp_path_factory.mktemp("newer")
    with start_server(folder, min_client_protocol=99) as running:
        running.add_learner(*LEARNER)
        publish(running, folder / "build", "c1")
        yield running


def _link(store: Store, server_url: str, *, expires: str) -> int:
    """A profile linked to ``server_url`` without asking it (its token may be made up)."""
    with store.transaction() as conn:
        profile = profiles.create(conn, LEARNER[0])
        actor = {"objectType": "Agent",
                 "account": {"homePage": "https://lifelong.example.org", "name": LEARNER[0]}}
        account = {"server": server_url, "username": LEARNER[0], "token": "made-up",
                   "expires": expires}
        profiles.link_account(conn, profile.id, actor, account)
    return profile.id


def _moment(offset: timedelta) -> str:
    return (datetime.now(UTC) + offset).isoformat()


# The platform says the app must be updated.

def test_health_sends_the_client_protocol_version(server: RunningServer) -> None:
    with FaultProxy(server.url) as proxy:
        health = api.health(Client(proxy.url))
        [probe] = proxy.seen
    assert parse_qs(urlsplit(probe.path).query)["protocol"] == [str(api.PROTOCOL_VERSION)]
    assert not health.update_required


def test_health_of_a_newer_platform_says_update_with_its_message(
    newer_server: RunningServer,
) -> None:
    health = api.health(Client(newer_server.url))
    assert (health.update_required, health.message) == (True, UPDATE_MESSAGE)
    with pytest.raises(UpdateRequiredError, match=UPDATE_MESSAGE):
        api.check_supported(Client(newer_server.url))


def test_sync_with_a_newer_platform_stops_before_pushing_or_pulling(
    store: Store, newer_server: RunningServer
) -> None:
    with FaultProxy(newer_server.url) as proxy:
        profile_id = _link(store, proxy.url, expires=_moment(timedelta(days=1)))
        record_events(store, profile_id, 3)
        summary = sync_all(store, server_url=proxy.url)
        paths = [urlsplit(seen.path).path for seen in proxy.seen]
    assert (summary.update_required, summary.message, summary.ok) == (True, UPDATE_MESSAGE, False)
    assert paths == ["/api/v1/health"]
    assert waiting_count(store.conn, profile_id) == 3
    assert store.conn.execute("SELECT count(*) FROM courses").fetchone()[0] == 0
    assert server_statement_ids(newer_server) == []
    assert UPDATE_MESSAGE in store.get_state("sync.last.catalogue")


def test_sign_in_at_a_newer_platform_is_refused_before_any_profile_is_made(
    store: Store, newer_server: RunningServer
) -> None:
    with pytest.raises(UpdateRequiredError, match=UPDATE_MESSAGE):
        sign_in(store, newer_server.url, *LEARNER)
    with pytest.raises(NotFoundError):
        profiles.find(store.conn, LEARNER[0])


def test_cli_sync_with_a_newer_platform_prints_one_line_and_exits_3(
    tmp_path: Path, newer_server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sync", "--data-dir", str(tmp_path), "--server", newer_server.url])
    captured = capsys.readouterr()
    assert code == UPDATE_REQUIRED == 3
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"lifelong: not synced, this app must be updated: {UPDATE_MESSAGE}"]


# Sign-ins that have expired.

def test_sign_in_keeps_when_the_token_expires(store: Store, server: RunningServer) -> None:
    profile = sign_in(store, server.url, *LEARNER)
    expires = datetime.fromisoformat(profile.account["expires"])
    assert timedelta(days=29) < expires - datetime.now(UTC) <= timedelta(days=30)


def test_expired_sign_in_is_skipped_without_a_request_and_keeps_its_outbox(
    store: Store, server: RunningServer
) -> None:
    with FaultProxy(server.url) as proxy:
        profile_id = sign_in(store, proxy.url, *LEARNER).id
        account = profiles.get(store.conn, profile_id).account
        with store.transaction() as conn:
            profiles.link_account(conn, profile_id, profiles.get(conn, profile_id).actor,
                                  account | {"expires": _moment(-timedelta(minutes=1))})
        record_events(store, profile_id, 3)
        summary = sync_all(store, server_url=proxy.url)
        xapi_requests = [seen for seen in proxy.seen if seen.path.startswith("/xapi/")]
    push, pull = summary.steps[1:]
    assert summary.needs_sign_in == (profile_id,) and not summary.ok
    assert not push.ok and "ana must sign in again" in push.summary
    assert not pull.ok and "ana must sign in again" in pull.summary
    assert summary.steps[0].ok  # the catalogue needs no sign-in
    assert xapi_requests == []
    assert waiting_count(store.conn, profile_id) == 3


def test_refused_token_is_reported_as_needing_sign_in(store: Store, server: RunningServer) -> None:
    profile_id = _link(store, server.url, expires=_moment(timedelta(days=1)))
    record_events(store, profile_id, 2)
    summary = sync_all(store, server_url=server.url)
    assert summary.needs_sign_in == (profile_id,)
    assert waiting_count(store.conn, profile_id) == 2


def test_expiry_is_judged_by_the_platform_clock(store: Store) -> None:
    profile_id = _link(store, "http://127.0.0.1:9", expires=_moment(timedelta(hours=1)))
    profile = profiles.get(store.conn, profile_id)
    assert not destination(store, profile).token_expired
    with store.transaction():
        store.set_state(SKEW_KEY, str(2 * 3600))  # the platform's clock is 2 h ahead of ours
    assert destination(store, profile).token_expired
    with store.transaction():
        store.set_state(SKEW_KEY, str(-3 * 3600))
    with store.transaction() as conn:
        profiles.link_account(conn, profile_id, profile.actor,
                              profile.account | {"expires": _moment(-timedelta(hours=1))})
    assert not destination(store, profiles.get(store.conn, profile_id)).token_expired


def test_unreadable_expiry_leaves_the_decision_to_the_server(store: Store) -> None:
    profile_id = _link(store, "http://127.0.0.1:9", expires="")
    assert not destination(store, profiles.get(store.conn, profile_id)).token_expired


def test_separate_lrs_pushes_for_a_profile_whose_platform_sign_in_expired(
    store: Store, server: RunningServer
) -> None:
    key = f"centre-{time.monotonic_ns()}"  # the server outlives this test
    secret = server.add_client(key)
    with store.transaction() as conn:
        settings.put(conn, "lrs.url", server.url + "/xapi/")
        settings.put(conn, "lrs.key", key)
        settings.put(conn, "lrs.secret", secret)
    profile_id = _link(store, server.url, expires=_moment(-timedelta(days=1)))
    ids = record_events(store, profile_id, 2)
    summary = sync_all(store, server_url=server.url)
    assert summary.ok and summary.needs_sign_in == ()
    assert set(ids) <= set(server_statement_ids(server))

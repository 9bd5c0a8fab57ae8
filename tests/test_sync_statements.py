"""Pushing the outbox and pulling statements, against the reference server's LRS."""

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app import outbox, profiles, settings
from app.paths import DataPaths
from app.progress import lesson_progress, record, waiting_count
from app.statements import COMPLETED, build
from app.store import Store
from server.running import RunningServer, start_server
from sync.accounts import destination
from sync.client import Client, Credentials
from sync.lrs import Lrs
from sync.pull import cursor_key, pull_profile
from sync.push import push_profile, same_statement
from tests.fault_proxy import Fault, FaultProxy
from tests.sync_support import ACTIVITY, record_events, server_statement_ids, signed_in


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    with start_server(tmp_path / "server", max_body_bytes=64 * 1024,
                      statements_page_limit=7) as running:
        yield running


@pytest.fixture
def learner(paths: DataPaths, server: RunningServer) -> Iterator[tuple[Store, int]]:
    store, profile_id = signed_in(paths, server)
    yield store, profile_id
    store.close()


def _lrs_for(store: Store, profile_id: int, url: str | None = None) -> Lrs:
    account = profiles.get(store.conn, profile_id).account
    return Lrs(Client(url or account["server"], credentials=Credentials(bearer=account["token"])))


def test_push_sends_every_statement_once_and_empties_the_outbox(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    ids = record_events(store, profile_id, 12)
    target = destination(store, profiles.get(store.conn, profile_id))
    result = push_profile(store, profile_id, target.lrs)
    assert (result.sent, result.quarantined, result.error) == (12, 0, "")
    assert sorted(server_statement_ids(server)) == sorted(ids)
    assert waiting_count(store.conn, profile_id) == 0


def test_push_goes_in_batches(server: RunningServer, learner: tuple[Store, int]) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 25)
    with FaultProxy(server.url) as proxy:
        push_profile(store, profile_id, _lrs_for(store, profile_id, proxy.url), batch_size=10)
        posts = [s for s in proxy.seen if s.method == "POST"]
    assert len(posts) == 3
    assert len(server_statement_ids(server)) == 25


def test_resending_after_a_lost_answer_duplicates_nothing(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 5)
    # The server commits, but the answer is lost: the client still holds them as unsent.
    batch = outbox.pending_batch(store.conn, profile_id, 250)
    _lrs_for(store, profile_id).post([item.json for item in batch])
    result = push_profile(store, profile_id, _lrs_for(store, profile_id))
    assert result.sent == 5
    assert len(server_statement_ids(server)) == 5


def test_conflicting_statement_is_quarantined_and_the_rest_sent(
    learner: tuple[Store, int],
) -> None:
    store, profile_id = learner
    actor = profiles.get(store.conn, profile_id).actor
    theirs = build(actor, COMPLETED, ACTIVITY + "other")
    _lrs_for(store, profile_id).post([json.dumps(theirs)])
    record_events(store, profile_id, 3)
    ours = build(actor, COMPLETED, ACTIVITY + "mine")
    ours["id"] = theirs["id"]
    record(store, profile_id, ours)
    result = push_profile(store, profile_id, _lrs_for(store, profile_id))
    assert (result.sent, result.quarantined) == (3, 1)
    [held] = outbox.quarantined(store.conn, profile_id)
    assert held.id == theirs["id"] and "conflict" in held.reason


def test_invalid_statement_is_found_by_halving_and_quarantined(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 6)
    actor = profiles.get(store.conn, profile_id).actor
    bad = build(actor, "not an IRI", ACTIVITY + "l1")
    record(store, profile_id, bad)
    record_events(store, profile_id, 6, lesson="l2")
    result = push_profile(store, profile_id, _lrs_for(store, profile_id))
    assert (result.sent, result.quarantined) == (12, 1)
    [held] = outbox.quarantined(store.conn)
    assert held.id == bad["id"] and "400" in held.reason
    assert bad["id"] not in server_statement_ids(server)


def test_too_large_batch_is_split(learner: tuple[Store, int]) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 250)  # ~150 KB as one batch; the server takes 64 KB
    result = push_profile(store, profile_id, _lrs_for(store, profile_id))
    assert (result.sent, result.quarantined) == (250, 0)


def test_refused_token_stops_pushing_and_keeps_the_queue(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 4)
    lrs = Lrs(Client(server.url, credentials=Credentials(bearer="expired")))
    result = push_profile(store, profile_id, lrs)
    assert result.needs_sign_in and result.sent == 0
    assert waiting_count(store.conn, profile_id) == 4


def test_busy_server_is_waited_out_within_the_bound(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 3)
    waits: list[float] = []
    with FaultProxy(server.url) as proxy:
        proxy.add(Fault("status", path="/xapi/statements", status=429, retry_after="2",
                        method="POST"))
        result = push_profile(store, profile_id, _lrs_for(store, profile_id, proxy.url),
                              sleep=waits.append)
    assert waits == [2.0] and result.sent == 3


def test_server_busy_too_long_stops_this_run(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 3)
    with FaultProxy(server.url) as proxy:
        proxy.add(Fault("status", path="/xapi/statements", status=503, retry_after="3600"))
        result = push_profile(store, profile_id, _lrs_for(store, profile_id, proxy.url),
                              sleep=lambda _seconds: None)
    assert result.error and not result.needs_sign_in
    assert waiting_count(store.conn, profile_id) == 3


def test_captive_portal_never_counts_as_accepted(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    record_events(store, profile_id, 3)
    with FaultProxy(server.url) as proxy:
        proxy.add(Fault("html", path="/xapi/statements"))
        result = push_profile(store, profile_id, _lrs_for(store, profile_id, proxy.url))
    assert result.sent == 0 and "web page" in result.error
    assert waiting_count(store.conn, profile_id) == 3


def test_same_statement_ignores_what_the_lrs_adds() -> None:
    ours = build({"objectType": "Agent", "mbox": "mailto:a@example.org"}, COMPLETED, ACTIVITY)
    theirs = {**ours, "stored": "2026-01-01T00:00:00Z", "version": "1.0.0",
              "authority": {"mbox": "mailto:lrs@example.org"},
              "timestamp": ours["timestamp"].replace("Z", "+00:00")}
    assert same_statement(ours, theirs)
    assert not same_statement(ours, {**theirs, "verb": {"id": ACTIVITY}})


def test_pull_merges_statements_from_another_device_and_follows_more(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    actor = profiles.get(store.conn, profile_id).actor
    elsewhere = [build(actor, COMPLETED, ACTIVITY + f"x{n}") for n in range(20)]
    _lrs_for(store, profile_id).post([json.dumps(s) for s in elsewhere])
    with FaultProxy(server.url) as proxy:
        result = pull_profile(store, profile_id, actor, _lrs_for(store, profile_id, proxy.url))
        pages = [s for s in proxy.seen if s.method == "GET"]
    assert (result.received, result.merged) == (20, 20)
    assert len(pages) == 3  # the server pages by 7
    assert lesson_progress(store.conn, profile_id, ACTIVITY + "x3").completed


def test_second_pull_starts_an_overlap_before_the_cursor_and_adds_nothing(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    actor = profiles.get(store.conn, profile_id).actor
    record_events(store, profile_id, 4)
    push_profile(store, profile_id, _lrs_for(store, profile_id))
    first = pull_profile(store, profile_id, actor, _lrs_for(store, profile_id))
    assert (first.received, first.merged) == (4, 0)  # our own, already here
    cursor = store.get_state(cursor_key(profile_id))
    with FaultProxy(server.url) as proxy:
        again = pull_profile(store, profile_id, actor, _lrs_for(store, profile_id, proxy.url))
        query = parse_qs(urlsplit(proxy.seen[0].path).query)
    assert again.merged == 0
    assert query["since"][0] < cursor
    assert store.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 4


def test_separate_lrs_with_basic_auth_takes_push_and_pull(
    server: RunningServer, learner: tuple[Store, int]
) -> None:
    store, profile_id = learner
    secret = server.add_client("centre")
    with store.transaction() as conn:
        settings.put(conn, "lrs.url", server.url + "/xapi/")
        settings.put(conn, "lrs.key", "centre")
        settings.put(conn, "lrs.secret", secret)
    profile = profiles.get(store.conn, profile_id)
    target = destination(store, profile)
    assert target.lrs.client.credentials.basic == ("centre", secret)
    ids = record_events(store, profile_id, 5)
    assert push_profile(store, profile_id, target.lrs).sent == 5
    assert sorted(server_statement_ids(server)) == sorted(ids)
    with store.transaction():
        store.set_state(cursor_key(profile_id), "")
    assert pull_profile(store, profile_id, profile.actor, target.lrs).received == 5

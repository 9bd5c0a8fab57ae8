import json
import time

import pytest

from app import profiles, progress, settings
from app.errors import PinError
from app.store import Store


def test_pin_is_stored_only_as_a_salted_hash(store: Store) -> None:
    profiles.create(store.conn, "王芳", pin="2468")
    profiles.create(store.conn, "赵强", pin="2468")
    hashes = [r[0] for r in store.conn.execute("SELECT pin_hash FROM profiles")]
    assert all("2468" not in h and h.startswith("scrypt$") for h in hashes)
    assert hashes[0] != hashes[1]


@pytest.mark.parametrize("pin", ["123", "1234567", "12a4", "１２３４"])
def test_pin_must_be_four_to_six_ascii_digits(store: Store, pin: str) -> None:
    with pytest.raises(PinError, match="4 to 6 digits"):
        profiles.create(store.conn, "x", pin=pin)


def test_wrong_pins_lock_the_profile_for_a_growing_delay(store: Store) -> None:
    profile = profiles.create(store.conn, "王芳", pin="2468")
    now = [1000.0]
    for left in (4, 3, 2, 1):
        with pytest.raises(PinError) as caught:
            profiles.verify_pin(store.conn, profile.id, "0000", clock=lambda: now[0])
        assert caught.value.tries_left == left
    with pytest.raises(PinError) as caught:
        profiles.verify_pin(store.conn, profile.id, "0000", clock=lambda: now[0])
    assert caught.value.locked_seconds == 30
    with pytest.raises(PinError, match="Too many"):  # even the right PIN waits
        profiles.verify_pin(store.conn, profile.id, "2468", clock=lambda: now[0])
    now[0] += 31
    with pytest.raises(PinError) as caught:
        profiles.verify_pin(store.conn, profile.id, "1111", clock=lambda: now[0])
    assert caught.value.locked_seconds == 60
    now[0] += 61
    profiles.verify_pin(store.conn, profile.id, "2468", clock=lambda: now[0])
    now[0] += 0.1
    with pytest.raises(PinError) as caught:  # success reset the count
        profiles.verify_pin(store.conn, profile.id, "1111", clock=lambda: now[0])
    assert caught.value.tries_left == 4


def test_facilitator_reset_lifts_the_lock(store: Store) -> None:
    profile = profiles.create(store.conn, "王芳", pin="2468")
    for _ in range(5):
        with pytest.raises(PinError):
            profiles.verify_pin(store.conn, profile.id, "0000")
    profiles.set_pin(store.conn, profile.id, "1357")
    profiles.verify_pin(store.conn, profile.id, "1357")


def test_facilitator_needs_a_pin(store: Store) -> None:
    with pytest.raises(PinError):
        profiles.create(store.conn, "管理员", facilitator=True)


def test_learner_settings_have_defaults_and_are_typed(store: Store) -> None:
    profile = profiles.create(store.conn, "王芳")
    assert profile.setting("large_font") is False
    profiles.set_setting(store.conn, profile.id, "large_font", "on")
    profiles.set_setting(store.conn, profile.id, "playback_rate", 0.75)
    again = profiles.get(store.conn, profile.id)
    assert again.setting("large_font") is True and again.setting("playback_rate") == 0.75
    with pytest.raises(ValueError):
        profiles.set_setting(store.conn, profile.id, "playback_rate", "fast")


def test_machine_settings_round_trip(store: Store) -> None:
    assert settings.get(store.conn, "download.reserve_mb") == 500
    settings.put(store.conn, "download.reserve_mb", "250")
    assert settings.get(store.conn, "download.reserve_mb") == 250


def test_linking_an_account_rewrites_only_unsent_records(store: Store) -> None:
    from app import statements as xapi

    profile = profiles.create(store.conn, "王芳")
    assert profile.actor["account"]["homePage"] == profiles.LOCAL_HOMEPAGE
    sent = xapi.build(profile.actor, xapi.COMPLETED, "urn:a")
    waiting = xapi.build(profile.actor, xapi.COMPLETED, "urn:b")
    progress.record(store, profile.id, sent)
    progress.record(store, profile.id, waiting)
    store.conn.execute("UPDATE statements SET sent_at = 'x' WHERE id = ?", (sent["id"],))
    actor = {"objectType": "Agent", "account": {"homePage": "https://p", "name": "wf"}}
    profiles.link_account(store.conn, profile.id, actor, {"username": "wf"})
    actors = dict(store.conn.execute("SELECT id, json_extract(json, '$.actor') FROM statements"))
    assert json.loads(actors[waiting["id"]]) == actor
    assert json.loads(actors[sent["id"]]) == profile.actor


def test_keeping_a_guest_makes_an_ordinary_profile_with_its_progress(store: Store) -> None:
    from app import statements as xapi

    guest = profiles.create(store.conn, "访客", guest=True)
    progress.record(store, guest.id, xapi.build(guest.actor, xapi.COMPLETED, "urn:lesson"))
    profiles.keep_guest(store.conn, guest.id, "  陈明 ", "4321")
    kept = profiles.get(store.conn, guest.id)
    assert (kept.name, kept.guest, kept.has_pin) == ("陈明", False, True)
    assert progress.lesson_progress(store.conn, guest.id, "urn:lesson").completed


def test_a_new_profile_reusing_a_deleted_id_gets_its_own_actor(store: Store) -> None:
    first = profiles.create(store.conn, "甲")
    profiles.delete(store.conn, first.id)
    time.sleep(0.002)  # creation times differ even when the id is reused
    second = profiles.create(store.conn, "乙")
    assert second.id == first.id
    assert second.actor != first.actor
    assert profiles.local_actor(store.conn, second.id) == second.actor

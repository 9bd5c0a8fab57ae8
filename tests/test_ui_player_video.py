"""Video lessons through libVLC, headless (``--vout=dummy --aout=dummy`` under offscreen Qt)."""

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import progress
from app.catalogue import get_lesson
from app.statements import TIME_EXTENSION
from app.store import Store
from tests.player_support import context, install_demo, learner, open_page, statements, verbs
from ui.context import AppContext
from ui.player import video as video_module
from ui.player import vlc_engine
from ui.player.lesson_page import LessonPage
from ui.player.video import VideoPlayer

__all__ = ["context"]  # the fixture, used by name

LESSON = "sci-0001-01"  # the 4-second clip with subtitles


def open_video(qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path,
               position: float = 0.0, **settings: object) -> LessonPage:
    course = install_demo(store, tmp_path)
    return open_page(qtbot, context, learner(store, **settings), course.id, LESSON, position)


def saved_times(store: Store, profile_id: int) -> list[float]:
    return [s["result"]["extensions"][TIME_EXTENSION]
            for s in statements(store, profile_id, "progressed")]


def test_a_clip_plays_to_the_end_moving_the_seek_bar_and_is_recorded_completed(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(video_module, "CHECKPOINT_MS", 1000)
    page = open_video(qtbot, context, store, tmp_path)
    video = page.video()
    seen: list[int] = []
    video.controls.seek_bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(video.finished, timeout=15_000) as ended:
        pass
    assert ended.args == [pytest.approx(4.0, abs=0.3)]
    assert video.controls.seek_bar.maximum() == pytest.approx(4000, abs=300)
    assert len(seen) >= 3 and seen == sorted(seen) and 0 < seen[0] < seen[-2]
    assert video.controls.time_label.text() == "0:04 / 0:04"

    profile_id = page.context.profile.id
    qtbot.waitUntil(lambda: "completed" in verbs(store, profile_id), timeout=5000)
    times = saved_times(store, profile_id)
    assert len(times) >= 3  # every second while playing, then the end
    assert 0 < times[0] < times[-1] == pytest.approx(4.0, abs=0.3)
    lesson = get_lesson(store.conn, LESSON)
    state = progress.lesson_progress(store.conn, profile_id, lesson.activity_id)
    assert state.completed and state.fraction == 1.0


def test_a_saved_position_is_resumed_once_playing(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    profile = learner(store)
    progress.save_position(store, profile.id, get_lesson(store.conn, LESSON), 2.0, 4.0)
    page = open_page(qtbot, context, profile, course.id, LESSON)
    video = page.video()
    times: list[int] = []
    video.controls.seek_bar.valueChanged.connect(times.append)
    qtbot.waitUntil(lambda: video.is_playing() and video.position() > 0, timeout=10_000)
    assert video.position() >= 2.0
    assert min(times) >= 2000  # never shown from the start


def test_the_profile_speed_applies_and_can_be_changed(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = open_video(qtbot, context, store, tmp_path, playback_rate=2.0)
    video = page.video()
    qtbot.waitUntil(lambda: video.is_playing() and video.position() > 0, timeout=10_000)
    assert video.rate() == 2.0
    assert video.controls.rate_box.currentText() == "2×"
    video.controls.rate_box.setCurrentIndex(video.controls.rate_box.findData(0.5))
    assert video._player.get_rate() == 0.5


def test_subtitles_follow_the_profile_and_the_switch(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = open_video(qtbot, context, store, tmp_path, subtitles=False)
    video = page.video()
    qtbot.waitUntil(video.is_playing, timeout=10_000)
    assert video.controls.subtitles.isVisibleTo(page)
    assert not video.controls.subtitles.isChecked()
    assert not video.subtitles_visible()
    video.controls.subtitles.click()
    qtbot.waitUntil(video.subtitles_visible, timeout=3000)


def test_save_state_pauses_and_records_the_position_at_once(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = open_video(qtbot, context, store, tmp_path, 1.0)
    video = page.video()
    qtbot.waitUntil(lambda: video.position() >= 1.5, timeout=10_000)
    page.save_state()
    position = video.position()
    assert saved_times(store, page.context.profile.id) == [pytest.approx(position, abs=0.01)]
    qtbot.waitUntil(lambda: not video.is_playing(), timeout=3000)


def test_skip_buttons_move_ten_seconds_within_the_clip(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = open_video(qtbot, context, store, tmp_path)
    video = page.video()
    qtbot.waitUntil(lambda: video.is_playing() and video.position() > 0, timeout=10_000)
    video.controls.back_button.click()
    assert video.position() == 0
    with qtbot.waitSignal(video.finished, timeout=5000):
        video.controls.forward_button.click()


def test_back_and_escape_close_the_lesson(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    page = open_video(qtbot, context, store, tmp_path)
    with qtbot.waitSignal(page.closed, timeout=1000):
        page.back_button.click()
    assert not page.video().is_playing()
    with qtbot.waitSignal(page.closed, timeout=1000):
        qtbot.keyClick(page, "\x1b")


def test_without_libvlc_the_lesson_says_how_to_install_vlc(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # what a missing libVLC looks like
    assert vlc_engine.load_vlc() is None
    for name, value in (("_loaded", False), ("_module", None), ("_instance", None)):
        monkeypatch.setattr(vlc_engine, name, value)  # restored after: later tests play
    monkeypatch.setattr(vlc_engine, "load_vlc", lambda: None)
    player = VideoPlayer()
    qtbot.addWidget(player)
    assert not player.available
    text = player.message.text()
    assert "sudo apt install vlc" in text and "videolan.org" in text
    assert player.surface.isHidden() and player.controls.isHidden()
    player.load(Path("nothing.mp4"))  # does nothing, raises nothing

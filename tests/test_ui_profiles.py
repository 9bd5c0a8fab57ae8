"""The profile picker, PINs, privacy between learners and the idle lock."""
# ruff: noqa: F811 - the fixtures imported from tests.ui_fixtures come back as parameters


from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.catalogue import get_course
from app.paths import DataPaths
from app.progress import save_position
from app.store import Store
from tests.profile_fixtures import WAIT_MS, add_profile, pin_dialog, start_session, type_pin
from tests.ui_fixtures import catalogue, ui_context, window  # noqa: F401
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.profiles.idle_lock import IdleLock


def test_a_single_learner_without_pin_opens_directly(window: MainWindow, qtbot: QtBot) -> None:
    start_session(window, qtbot)
    assert window.session.stack.currentWidget() is window.session.shell
    assert window.home.isVisible()


def test_picker_shows_each_learner_add_and_guest(
    window: MainWindow, paths: DataPaths, qtbot: QtBot
) -> None:
    add_profile(paths, "Wang Fang", pin="2468")
    start_session(window, qtbot)
    picker = window.session.picker
    assert window.session.stack.currentWidget() is picker
    qtbot.waitUntil(lambda: len(picker.tiles) == 2, timeout=WAIT_MS)
    names = [tile.title.text() for tile in picker.tiles]
    assert names == ["学习者", "Wang Fang"]
    assert picker.add_tile.title.text() == "Add learner"
    assert picker.guest_tile.title.text() == "Guest"
    assert not window.home.isVisible()  # the last learner's screens are out of reach


def test_a_learner_with_a_pin_opens_only_with_that_pin(
    window: MainWindow, ui_context: AppContext, paths: DataPaths, qtbot: QtBot
) -> None:
    wang = add_profile(paths, "Wang Fang", pin="2468")
    start_session(window, qtbot)
    picker = window.session.picker
    qtbot.waitUntil(lambda: len(picker.tiles) == 2, timeout=WAIT_MS)
    qtbot.mouseClick(picker.tiles[1], Qt.MouseButton.LeftButton)
    type_pin(qtbot, window, "1111")
    assert pin_dialog(window).message.text() == "Wrong PIN. 4 tries left before the profile locks."
    assert ui_context.profile is not None and ui_context.profile.id != wang.id
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        type_pin(qtbot, window, "2468")
    assert ui_context.profile is not None and ui_context.profile.id == wang.id
    assert window.session.stack.currentWidget() is window.session.shell


def test_five_wrong_pins_lock_the_profile_and_say_for_how_long(
    window: MainWindow, paths: DataPaths, qtbot: QtBot
) -> None:
    add_profile(paths, "Wang Fang", pin="2468")
    start_session(window, qtbot)
    picker = window.session.picker
    qtbot.waitUntil(lambda: len(picker.tiles) == 2, timeout=WAIT_MS)
    picker.pick(picker.profiles[1])
    for _try in range(5):
        type_pin(qtbot, window, "0000")
    assert pin_dialog(window).message.text() == (
        "Too many wrong PINs. This profile is locked; try again in 30 seconds."
    )
    type_pin(qtbot, window, "2468")  # even the right PIN waits out the lock
    assert "locked" in pin_dialog(window).message.text()
    assert window.session.stack.currentWidget() is picker


def test_a_learner_sees_only_their_own_progress(
    window: MainWindow, ui_context: AppContext, catalogue: DataPaths, qtbot: QtBot
) -> None:
    first = ui_context.profile
    assert first is not None
    with Store(catalogue) as store:
        lesson = get_course(store.conn, "silver-000001").lessons[0]
        save_position(store, first.id, lesson, 30.0, 120.0)
    other = add_profile(catalogue, "Li Ming", pin="1357")
    start_session(window, qtbot)
    picker = window.session.picker
    qtbot.waitUntil(lambda: len(picker.tiles) == 2, timeout=WAIT_MS)
    picker.pick(other)
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        type_pin(qtbot, window, "1357")
    ui_context.tasks.wait()
    qtbot.wait(50)  # the home's last load for Li Ming arrives
    ui_context.tasks.wait()
    qtbot.waitUntil(window.home.empty_hint.isVisible, timeout=WAIT_MS)
    assert window.home.data.resume == []
    assert window.home.greeting.text() == "Welcome, Li Ming"


def test_idle_lock_saves_the_lesson_then_shows_the_picker(
    window: MainWindow, ui_context: AppContext, catalogue: DataPaths, qtbot: QtBot
) -> None:
    start_session(window, qtbot)
    with Store(catalogue) as store:
        lesson_id = get_course(store.conn, "silver-000001").lessons[0].id
    ui_context.open_lesson("silver-000001", lesson_id)
    events: list[str] = []
    lesson = window.lesson
    assert lesson is not None
    original = lesson.save_state  # type: ignore[attr-defined]

    def recording() -> None:
        events.append("saved")
        original()

    lesson.save_state = recording  # type: ignore[attr-defined]
    window.session.locked.connect(
        lambda: events.append(f"locked, picker shown={window.session.picker.isVisible()}")
    )
    ui_context.tasks.wait()
    qtbot.wait(50)  # the machine's idle minutes arrive first; then a short time for the test
    assert window.session.idle.timer.interval() == 10 * 60_000  # the default
    window.session.idle.set_interval_ms(150)
    with qtbot.waitSignal(window.session.locked, timeout=WAIT_MS):
        pass
    assert events[0] == "saved"  # the player recorded its state before anything else
    assert events[-1] == "locked, picker shown=True"
    assert not window.statusBar().isVisible()


def test_input_keeps_the_session_open(qtbot: QtBot, qapp: QApplication) -> None:
    lock = IdleLock()
    fired: list[bool] = []
    lock.idle.connect(lambda: fired.append(True))
    lock.set_interval_ms(300)
    lock.reset()
    for _step in range(6):
        qtbot.wait(100)
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1),
                           Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(qapp, move)
    assert fired == []
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)
    qapp.removeEventFilter(lock)


def test_switch_learner_is_one_click_away(window: MainWindow, qtbot: QtBot) -> None:
    start_session(window, qtbot)
    window.show_page(window.settings)
    assert window.session.switch_button.isVisible()
    with qtbot.waitSignal(window.session.locked, timeout=WAIT_MS):
        qtbot.mouseClick(window.session.switch_button, Qt.MouseButton.LeftButton)
    assert window.session.picker.isVisible()
    assert window.stack.currentWidget() is window.home  # the next learner starts at home

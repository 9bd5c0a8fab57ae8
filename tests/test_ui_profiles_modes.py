"""Facilitator mode, guest sessions and the silver-age large-font mode."""
# ruff: noqa: F811 - the fixtures imported from tests.ui_fixtures come back as parameters


from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import progress, settings
from app.catalogue import Lesson, get_course
from app.paths import DataPaths
from app.store import Store
from tests.profile_fixtures import WAIT_MS, add_profile, start_session, stored, type_pin
from tests.ui_fixtures import catalogue, ui_context, window  # noqa: F401
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.theme import LARGE_POINT_SIZE


def first_lesson(store: Store) -> Lesson:
    course_id = store.conn.execute("SELECT id FROM courses LIMIT 1").fetchone()[0]
    return get_course(store.conn, course_id).lessons[0]


def open_facilitator(window: MainWindow, paths: DataPaths, qtbot: QtBot) -> None:
    boss = add_profile(paths, "Centre", pin="9999", facilitator=True)
    start_session(window, qtbot)
    window.session.picker.pick(boss)
    with qtbot.waitSignal(window.session.facilitator.refreshed, timeout=WAIT_MS):
        type_pin(qtbot, window, "9999")


def test_facilitator_pin_opens_the_facilitator_page_with_sync_status(
    window: MainWindow, paths: DataPaths, qtbot: QtBot
) -> None:
    open_facilitator(window, paths, qtbot)
    page = window.session.facilitator
    assert window.session.stack.currentWidget() is page
    rows = [page.learners.item(n).text() for n in range(page.learners.count())]
    assert rows == ["学习者 (learner) · 0 records waiting to sync",
                    "Centre (facilitator) · 0 records waiting to sync"]
    assert page.disk.text().startswith("Courses use 0 KB;")


def test_facilitator_adds_renames_resets_pin_and_deletes_with_confirmation(
    window: MainWindow, paths: DataPaths, qtbot: QtBot
) -> None:
    open_facilitator(window, paths, qtbot)
    page = window.session.facilitator
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.add_learner("Zhao Qiang", "1234")
    zhao = next(p for p in stored(paths) if p.name == "Zhao Qiang")
    assert zhao.has_pin
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.rename_learner(zhao.id, "Zhao Q.")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.reset_pin(zhao.id, "")
    renamed = next(p for p in stored(paths) if p.id == zhao.id)
    assert (renamed.name, renamed.has_pin) == ("Zhao Q.", False)
    page.learners.setCurrentRow(2)
    page.ask_delete()
    box = page.dialog
    assert isinstance(box, QMessageBox) and "cannot be undone" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert [p.name for p in stored(paths)] == ["学习者", "Centre"]


def test_facilitator_saves_machine_settings_and_the_idle_time(
    window: MainWindow, paths: DataPaths, qtbot: QtBot
) -> None:
    open_facilitator(window, paths, qtbot)
    page = window.session.facilitator
    page.server.setText("http://hub.local:8080")
    page.bandwidth.setValue(256)
    page.idle_minutes.setValue(3)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.buttons["save"].click()
    with Store(paths) as store:
        values = [settings.get(store.conn, key) for key in
                  ("server.url", "download.bandwidth_kbps", "lock.idle_minutes")]
    assert values == ["http://hub.local:8080", 256, 3]
    assert window.session.idle.timer.interval() == 3 * 60_000
    page.buttons["downloads"].click()
    assert window.stack.currentWidget() is window.downloads and window.downloads.isVisible()


def test_guest_progress_is_discarded_only_after_a_warning(
    window: MainWindow, ui_context: AppContext, paths: DataPaths, qtbot: QtBot
) -> None:
    add_profile(paths, "Wang Fang", pin="2468")
    start_session(window, qtbot)
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        window.session.picker.enter_as_guest()
    assert ui_context.profile is not None and ui_context.profile.guest
    window.session.switch_learner()
    box = window.session.guest.question
    assert box is not None and "cannot be brought back" in box.text()
    assert window.session.stack.currentWidget() is window.session.shell  # not yet
    with qtbot.waitSignal(window.session.locked, timeout=WAIT_MS):
        window.session.guest.discard_button.click()  # type: ignore[union-attr]
    assert [p.name for p in stored(paths)] == ["学习者", "Wang Fang"]


def test_a_guest_session_ended_by_the_idle_lock_leaves_nothing_for_the_next_guest(
    window: MainWindow, ui_context: AppContext, catalogue: DataPaths, qtbot: QtBot
) -> None:
    paths = catalogue
    add_profile(paths, "Wang Fang", pin="2468")
    start_session(window, qtbot)
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        window.session.picker.enter_as_guest()
    first = ui_context.profile
    assert first is not None and first.guest
    ui_context.set_setting("reading_scale", 1.5)  # something of this guest's own
    with Store(paths) as store:
        progress.complete_lesson(store, first.id, first_lesson(store))
    with qtbot.waitSignal(window.session.picker.loaded, timeout=WAIT_MS):
        window.session.idle.idle.emit()  # nobody answers a question now
    assert window.session.guest.question is None  # nobody was asked
    assert [p.name for p in stored(paths)] == ["学习者", "Wang Fang"]
    with Store(paths) as store:
        assert store.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 0
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        window.session.picker.enter_as_guest()
    second = ui_context.profile
    assert second is not None and second.guest and second.settings == {}
    with Store(paths) as store:
        assert progress.waiting_count(store.conn) == 0  # the first guest's records are gone


def test_guest_progress_can_become_a_profile(
    window: MainWindow, paths: DataPaths, qtbot: QtBot
) -> None:
    add_profile(paths, "Wang Fang", pin="2468")
    start_session(window, qtbot)
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        window.session.picker.enter_as_guest()
    guest_id = window.context.profile.id  # type: ignore[union-attr]
    window.close()  # quitting asks too
    assert window.isVisible()
    window.session.guest.keep_button.click()  # type: ignore[union-attr]
    form = window.session.guest.form
    assert form is not None
    form.name.setText("Chen Jing")
    form.submit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    kept = next(p for p in stored(paths) if p.id == guest_id)
    assert (kept.name, kept.guest) == ("Chen Jing", False)


def test_large_font_switch_on_the_picker_applies_live_and_is_kept_per_learner(
    window: MainWindow, ui_context: AppContext, paths: DataPaths, qtbot: QtBot,
    qapp: QApplication,
) -> None:
    wang = add_profile(paths, "Wang Fang")
    start_session(window, qtbot)
    picker = window.session.picker
    picker.large_font.setChecked(True)
    assert qapp.font().pointSizeF() >= LARGE_POINT_SIZE
    with qtbot.waitSignal(window.session.opened, timeout=WAIT_MS):
        picker.pick(wang)
    assert window.stack.currentWidget() is window.session.simple_home
    assert window.session.simple_home.isVisible()
    ui_context.tasks.wait()
    assert next(p for p in stored(paths) if p.id == wang.id).setting("large_font") is True
    window.settings.large_font.setChecked(False)  # the settings screen switches it back
    assert qapp.font().pointSizeF() < LARGE_POINT_SIZE
    assert window.stack.currentWidget() is window.home


def test_simple_home_offers_four_plain_actions(
    window: MainWindow, ui_context: AppContext, qtbot: QtBot
) -> None:
    start_session(window, qtbot)
    ui_context.set_large_font(True)
    home = window.session.simple_home
    assert window.stack.currentWidget() is home
    assert [t.title.text() for t in home.tiles] == [
        "Continue learning", "Silver-age classes", "My courses", "Switch learner"]
    home.silver_tile.click()
    assert window.stack.currentWidget() is window.browse
    assert window.browse.section.currentData() == "silver_age"
    with qtbot.waitSignal(window.session.locked, timeout=WAIT_MS):
        home.switch_tile.click()

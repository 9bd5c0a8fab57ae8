"""Browse: search as you type, facet and section filters, opening a course."""

# Fixtures come from tests/ui_fixtures.py by import, so their names are redefined here.
# ruff: noqa: F811

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from app.store import Store
from tests.ui_fixtures import WAIT_MS, catalogue, ui_context  # noqa: F401
from ui.browse import BrowsePage
from ui.context import AppContext
from ui.course_model import ROW_ROLE


def open_browse(context: AppContext, qtbot: QtBot) -> BrowsePage:
    page = BrowsePage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        page.show()
    return page


def titles(page: BrowsePage) -> list[str]:
    model = page.model
    return [model.row_at(n).title_en for n in range(model.rowCount())]


@pytest.mark.usefixtures("catalogue")
def test_lists_the_catalogue_a_page_at_a_time(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    assert page.model.total == 300
    assert page.model.rowCount() == 200
    assert page.count.text() == "300 courses"
    with qtbot.waitSignal(page.model.rowsInserted, timeout=WAIT_MS):
        page.list.scrollToBottom()
    assert page.model.rowCount() == 300


def test_typing_narrows_the_list_after_a_short_pause(
    catalogue: DataPaths, ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    with Store(catalogue) as store:
        word = store.conn.execute("SELECT title_en FROM courses LIMIT 1").fetchone()[0].split()[0]
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        qtbot.keyClicks(page.search, word)
    assert 0 < page.model.total < 300
    assert all(word.lower() in page.model.row_at(n).title_en.lower()
               or word.lower() in page.model.row_at(n).summary_en.lower()
               for n in range(page.model.rowCount()))


def test_chinese_search_finds_two_character_words(
    catalogue: DataPaths, ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    with Store(catalogue) as store:
        title = store.conn.execute("SELECT title_zh FROM courses LIMIT 1").fetchone()[0]
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        page.search.setText(title[:2])
    assert page.model.total > 0
    assert any(title[:2] in page.model.row_at(n).title_zh for n in range(page.model.rowCount()))


@pytest.mark.usefixtures("catalogue")
def test_only_the_last_query_is_shown(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    page.search.setText("zzzz-nothing")
    page.refresh()
    page.search.setText("")
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        page.refresh()
    ui_context.tasks.wait()
    qtbot.wait(50)
    assert page.model.total == 300


def test_facet_filter_keeps_matching_courses(
    catalogue: DataPaths, ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        page.vertical["physical"].setChecked(True)
    with Store(catalogue) as store:
        expected = store.conn.execute(
            "SELECT count(*) FROM course_facets WHERE dimension = 'vertical' "
            "AND value = 'physical'"
        ).fetchone()[0]
    assert page.model.total == expected < 300


@pytest.mark.usefixtures("catalogue")
def test_section_filter_and_downloaded_only(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        page.show_section("silver_age")
    assert page.model.total > 0
    assert {page.model.row_at(n).section for n in range(page.model.rowCount())} == {"silver_age"}
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS):
        page.downloaded_only.setChecked(True)
    assert page.model.total == 0


@pytest.mark.usefixtures("catalogue")
def test_enter_on_a_course_opens_it(ui_context: AppContext, qtbot: QtBot) -> None:
    page = open_browse(ui_context, qtbot)
    page.list.setFocus()
    page.list.setCurrentIndex(page.model.index(2))
    with qtbot.waitSignal(ui_context.course_requested) as opened:
        qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert opened.args == [page.model.index(2).data(ROW_ROLE).id]


@pytest.mark.usefixtures("catalogue")
def test_titles_follow_the_interface_language(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    page = open_browse(ui_context, qtbot)
    row = page.model.row_at(0)
    assert page.model.index(0).data() == row.title_en
    ui_context.set_language("zh_CN")
    assert page.model.index(0).data() == row.title_zh


@pytest.mark.usefixtures("catalogue")
def test_the_course_count_uses_real_plural_forms(ui_context: AppContext, qtbot: QtBot) -> None:
    page = open_browse(ui_context, qtbot)
    assert page.count.text() == "300 courses"
    assert QCoreApplication.translate("BrowsePage", "%n course(s)", "", 1) == "1 course"
    ui_context.set_language("zh_CN")
    assert page.count.text() == "共 300 门课程"
    assert QCoreApplication.translate("BrowsePage", "%n course(s)", "", 1) == "共 1 门课程"

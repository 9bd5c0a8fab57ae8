"""Text lessons: Markdown with the course's own images, nothing from elsewhere."""

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from app import progress
from app.catalogue import get_lesson
from app.store import Store
from resources.demo.png import bar_chart_png
from tests.player_support import context, install, install_demo, learner, open_page, verbs
from ui.context import AppContext
from ui.player.text_view import READING_SIZE

__all__ = ["context"]  # the fixture, used by name

IMAGE = QTextDocument.ResourceType.ImageResource.value


def image_of(document: QTextDocument, name: str) -> QImage | None:
    resource = document.resource(IMAGE, QUrl(name))
    return resource if isinstance(resource, QImage) and not resource.isNull() else None


def test_text_lesson_shows_markdown_with_its_image_and_records_open_and_done(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    profile = learner(store)
    page = open_page(qtbot, context, profile, course.id, "sci-0001-02")

    browser = page.text_view.browser
    assert "三个要点" in browser.toPlainText()
    assert "\ufffc" in browser.toPlainText()  # the picture's place in the text
    picture = image_of(browser.document(), "../images/points.png")
    assert picture is not None and picture.width() > 10
    assert browser.refused == []
    assert verbs(store, profile.id) == ["experienced"]

    with qtbot.waitSignal(page.recorded, timeout=5000):
        page.text_view.done_button.click()
    assert verbs(store, profile.id) == ["experienced", "completed"]
    assert not page.text_view.done_button.isEnabled()
    lesson = get_lesson(store.conn, "sci-0001-02")
    assert progress.lesson_progress(store.conn, profile.id, lesson.activity_id).completed


@pytest.fixture
def web_server() -> Iterator[list[str]]:
    """A real HTTP server on loopback that notes every path asked of it."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            body = bar_chart_png((0, 0, 0), (50,))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    asked.append(f"http://127.0.0.1:{server.server_address[1]}")
    yield asked
    server.shutdown()
    server.server_close()


def test_hostile_markdown_loads_nothing_from_outside_the_course(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path, web_server: list[str]
) -> None:
    base = web_server.pop(0)
    outside = store.paths.content / "outside.png"
    outside.write_bytes(bar_chart_png((200, 0, 0), (80,)))
    names = ["/etc/passwd", "../../outside.png", "../../../outside.png", f"{base}/spy.png",
             f"file://{outside}", "//127.0.0.1/x.png", "../images/ok.png"]
    markdown = "# Hostile\n\n" + "\n\n".join(f"![x]({name})" for name in names)
    markdown += f'\n\n<img src="{base}/html.png">\n\n[a link]({base}/page)\n'
    install(store, tmp_path, "bad-0001",
            [{"id": "bad-0001-01", "kind": "text", "title": {"en": "Bad"},
              "file": "lessons/01.md"}],
            {"lessons/01.md": markdown.encode(),
             "images/ok.png": bar_chart_png((0, 0, 200), (60,))})
    page = open_page(qtbot, context, learner(store), "bad-0001", "bad-0001-01")
    browser = page.text_view.browser
    qtbot.wait(200)  # time enough for any request to reach the server

    document = browser.document()
    assert image_of(document, "../images/ok.png") is not None
    for name in names[:-1]:
        assert image_of(document, name) is None, name
    assert set(browser.refused) >= set(names[:-1])
    assert web_server == []
    browser.anchorClicked.emit(QUrl(f"{base}/page"))  # a click on the link
    qtbot.wait(100)
    assert web_server == []


def test_text_size_starts_from_the_profile_and_follows_the_buttons(
    qtbot: QtBot, context: AppContext, store: Store, tmp_path: Path
) -> None:
    course = install_demo(store, tmp_path)
    page = open_page(qtbot, context, learner(store, reading_scale=1.5), course.id,
                     "sci-0001-02")
    view = page.text_view
    base = view.font().pointSizeF() * READING_SIZE
    assert view.browser.document().defaultFont().pointSizeF() == pytest.approx(base * 1.5)

    view.larger.click()
    assert view.scale() == pytest.approx(1.6)
    assert view.browser.document().defaultFont().pointSizeF() == pytest.approx(base * 1.6)
    assert view.scale_label.text() == "160%"
    for _ in range(30):
        view.smaller.click()
    assert view.scale() == pytest.approx(0.8)
    assert not view.smaller.isEnabled()

"""``lifelong --self-test``: the packaged app end to end, headless, against the demo server.

Sync, download a demo course with a video, play a second of it through libVLC, record a
progress statement; prints ``self-test ok`` (exit 0) or the step that failed (exit 1).
"""

from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from app.catalogue import Lesson
    from app.store import Store
    from ui.context import AppContext
    from ui.demo import DemoSession

TIMEOUT_MS: Final = 120_000
PLAY_MS: Final = 1_000


def _video_course(store: "Store", _cancel: object) -> str:
    from app.catalogue import first_course_with

    course_id = first_course_with(store.conn, "video")
    if course_id is None:
        raise RuntimeError("the demo catalogue has no video lesson")
    return course_id


class SelfTest(QObject):
    def __init__(self, context: "AppContext", demo: "DemoSession") -> None:
        super().__init__(context)
        self.context = context
        self.demo = demo
        self.failure = "did not finish"
        self.course_id = ""
        self.lesson: Lesson | None = None
        self.player: Any = None
        self.events: Any = None
        self.played_ms = 0
        assert context.sync is not None and context.downloads is not None
        context.sync.synced.connect(self._synced)
        context.downloads.finished.connect(self._downloaded)
        context.tasks.failed.connect(self._fail)
        QTimer.singleShot(TIMEOUT_MS, lambda: self._fail(f"timed out at: {self.failure}"))
        self.failure = "sync"

    def _synced(self, _summary: object) -> None:
        if self.course_id:
            return
        self.failure = "finding a video course"
        self.context.tasks.db(_video_course, self._download, self._fail)

    def _download(self, course_id: str) -> None:
        self.course_id = course_id
        self.failure = f"downloading {course_id}"
        assert self.context.downloads is not None
        self.context.downloads.start(course_id)

    def _downloaded(self, course_id: str) -> None:
        if course_id != self.course_id:
            return
        self.failure = "finding the video file"
        self.context.tasks.db(self._video_file, self._play, self._fail)

    def _video_file(self, store: "Store", _cancel: object) -> str:
        from app.catalogue import get_course
        from app.packages import installed_courses, lesson_path

        lesson = next(x for x in get_course(store.conn, self.course_id).lessons
                      if x.kind == "video")
        self.lesson = lesson
        installed = next(c for c in installed_courses(store) if c.course_id == self.course_id)
        entry = next(x for x in installed.manifest["lessons"] if x["id"] == lesson.id)
        return str(lesson_path(store, self.course_id, entry["file"]))

    def _play(self, path: str) -> None:
        from ui.player import vlc_engine

        self.failure = "playing the video through libVLC"
        instance = vlc_engine.instance()
        if instance is None:
            self._fail("libVLC could not be loaded")
            return
        self.player = instance.media_player_new()
        self.events = vlc_engine.PlayerEvents(self.player, self)
        self.events.time_changed.connect(self._played)
        self.events.error.connect(lambda: self._fail("libVLC could not play the clip"))
        self.player.set_media(instance.media_new_path(path))
        self.player.play()
        QTimer.singleShot(PLAY_MS, self._stop_playing)

    def _played(self, milliseconds: int) -> None:
        self.played_ms = max(self.played_ms, milliseconds)

    def _stop_playing(self) -> None:
        self.events.detach()
        self.player.stop()
        self.player.release()
        if self.played_ms <= 0:
            self._fail("the clip did not advance")
            return
        self.failure = "recording progress"
        self.context.tasks.db(self._record, self._recorded, self._fail)

    def _record(self, store: "Store", _cancel: object) -> int:
        from app.progress import save_position, waiting_count

        profile = self.context.profile
        assert profile is not None and self.lesson is not None
        save_position(store, profile.id, self.lesson, self.played_ms / 1000,
                      float(self.lesson.duration or 1))
        return waiting_count(store.conn, profile.id)

    def _recorded(self, waiting: int) -> None:
        if waiting < 1:
            self._fail("the progress statement is not in the outbox")
            return
        self.failure = ""
        print("self-test ok", flush=True)
        QApplication.quit()

    def _fail(self, reason: object) -> None:
        if self.failure == "":
            return
        self.failure = str(reason)
        QApplication.quit()

    def result(self) -> int:
        if self.failure:
            print(f"self-test failed: {self.failure}", flush=True)
            return 1
        return 0

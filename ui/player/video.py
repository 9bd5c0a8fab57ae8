"""The video player: libVLC drawing into a Qt widget, with the controls under it.

Keyboard (when no control takes the key): Space or K play/pause, Left/Right ±10 s,
F full screen.
"""

from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.player import vlc_engine
from ui.player.video_controls import SKIP_SECONDS, VideoControls

CHECKPOINT_MS: Final = 5000
# A saved position this close to the end restarts the video instead of resuming at its end.
RESUME_TAIL_MS: Final = 1500


class VideoSurface(QFrame):
    """The black area libVLC draws into (a native window when embedding).

    Signals:
        double_clicked(): the learner double-clicked the picture.
    """

    double_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if vlc_engine.can_embed():
            self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setMinimumHeight(self.fontMetrics().height() * 8)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit()
        event.accept()


class VideoPlayer(QWidget):
    """Plays one video at a time. Without libVLC it shows how to install VLC instead.

    Signals:
        checkpoint(float, float): position and length in seconds, about every 5 s of
            playing and whenever playback pauses; the lesson page saves it.
        finished(float): the video played to its end; its length in seconds.
        fullscreen_changed(bool): the window entered (True) or left full screen.
    """

    checkpoint = Signal(float, float)
    finished = Signal(float)
    fullscreen_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vlc: Any = vlc_engine.instance()
        self.available = self._vlc is not None
        self._player: Any = None
        self._events: vlc_engine.PlayerEvents | None = None
        self._reset_state(rate=1.0, start=0.0)
        self._subtitles_on = True
        self._saved_window_state = Qt.WindowState.WindowNoState
        self._fullscreen = False
        self._hidden: list[QWidget] = []
        self.surface = VideoSurface()
        self.controls = VideoControls()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.surface, 1)
        layout.addWidget(self.controls)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECKPOINT_MS)
        self._timer.timeout.connect(self._emit_checkpoint)
        if self.available:
            self._create_player()
        else:
            self.surface.hide()
            self.controls.hide()
            self.message.show()
        self.retranslate()

    def _create_player(self) -> None:
        player = self._vlc.media_player_new()
        # Mouse and keys go to Qt (double-click, shortcuts), not to VLC's window.
        player.video_set_mouse_input(False)
        player.video_set_key_input(False)
        events = vlc_engine.PlayerEvents(player)
        events.playing.connect(self._on_playing)
        events.paused.connect(self._on_paused)
        events.time_changed.connect(self._on_time)
        events.length_changed.connect(self._on_length)
        events.end_reached.connect(self._on_end)
        events.error.connect(self._on_error)
        self._player, self._events = player, events
        # Stop VLC before the widgets its events reach are gone, however this one is deleted.
        self.destroyed.connect(lambda: _release(player, events))
        controls = self.controls
        controls.play_pause.connect(self.toggle_play)
        controls.skip.connect(self.skip)
        controls.seek.connect(self.seek_to)
        controls.rate_changed.connect(self.set_rate)
        controls.volume_changed.connect(player.audio_set_volume)
        controls.subtitles_toggled.connect(self.set_subtitles_visible)
        controls.fullscreen.connect(self.toggle_fullscreen)
        self.surface.double_clicked.connect(self.toggle_fullscreen)

    def _reset_state(self, *, rate: float, start: float) -> None:
        self._rate = rate
        self._pending_seek_ms = int(start * 1000) if start > 0 else 0
        self._started = False
        self._ended = False
        self._time_ms = 0
        self._length_ms = 0

    # -- public API ------------------------------------------------------------------

    def load(
        self,
        path: Path,
        subtitles: Path | None = None,
        *,
        start: float = 0.0,
        rate: float = 1.0,
        subtitles_on: bool = True,
    ) -> None:
        """Play ``path`` from ``start`` seconds (applied once VLC reports Playing)."""
        if self._player is None:
            return
        self.stop()
        self.message.hide()
        self._reset_state(rate=rate, start=start)
        self._subtitles_on = subtitles_on
        self._player.set_media(self._vlc.media_new_path(str(path)))
        if subtitles is not None:
            kind = vlc_engine.module().MediaSlaveType.subtitle
            uri = QUrl.fromLocalFile(str(subtitles)).toString()
            self._player.add_slave(kind, uri, subtitles_on)
        self.controls.set_subtitles(subtitles is not None, subtitles_on)
        self.controls.set_rate(rate)
        self.controls.set_length(0)
        self.controls.set_time(0)
        if vlc_engine.can_embed():
            vlc_engine.attach_window(self._player, int(self.surface.winId()))
        self._player.play()
        self.surface.setFocus()

    def toggle_play(self) -> None:
        if self._player is None:
            return
        if self._ended:
            self._restart(0)
        elif self._player.is_playing():
            self._player.set_pause(1)
        else:
            self._player.play()

    def pause(self) -> None:
        if self._player is not None and self._player.is_playing():
            self._player.set_pause(1)

    def stop(self) -> None:
        """Stop playing (leaving the lesson); the position stays readable."""
        self._timer.stop()
        if self._player is not None:
            self._player.stop()
        self.controls.set_playing(False)

    def skip(self, seconds: float) -> None:
        self.seek_to(self._time_ms / 1000 + seconds)

    def seek_to(self, seconds: float) -> None:
        target = max(0, int(seconds * 1000))
        if self._length_ms:
            target = min(target, self._length_ms)
        if self._player is None:
            return
        if self._ended:
            self._restart(target)
        elif not self._started:
            self._pending_seek_ms = target
        else:
            self._player.set_time(target)
            self._on_time(target)

    def set_rate(self, rate: float) -> None:
        self._rate = rate
        if self._started and self._player is not None:
            self._player.set_rate(rate)

    def rate(self) -> float:
        return float(self._player.get_rate()) if self._started else self._rate

    def set_subtitles_visible(self, shown: bool) -> None:
        self._subtitles_on = shown
        if self._started:
            self._apply_subtitles()

    def subtitles_visible(self) -> bool:
        return self._player is not None and self._player.video_get_spu() != -1

    def position(self) -> float:
        """The current position in seconds (from VLC's last time event)."""
        return self._time_ms / 1000

    def duration(self) -> float:
        return self._length_ms / 1000

    def is_playing(self) -> bool:
        return self._player is not None and bool(self._player.is_playing())

    def is_fullscreen(self) -> bool:
        return self._fullscreen

    def toggle_fullscreen(self) -> None:
        """Fill the screen with the video and its controls (everything around is hidden)."""
        window = self.window()
        if self._fullscreen:
            window.setWindowState(self._saved_window_state)
            for widget in self._hidden:
                widget.show()
            self._hidden = []
        else:
            self._saved_window_state = window.windowState()
            self._hidden = _surroundings(self)
            for widget in self._hidden:
                widget.hide()
            window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
        self._fullscreen = not self._fullscreen
        self.fullscreen_changed.emit(self._fullscreen)

    # -- VLC events (on the GUI thread) --------------------------------------------

    def _on_playing(self) -> None:
        if not self._started:
            self._started = True
            self._length_ms = self._length_ms or int(self._player.get_length())
            if self._pending_seek_ms and (
                not self._length_ms or self._pending_seek_ms < self._length_ms - RESUME_TAIL_MS
            ):
                self._player.set_time(self._pending_seek_ms)
                self._on_time(self._pending_seek_ms)
            self._pending_seek_ms = 0
            self._player.set_rate(self._rate)
            self._apply_subtitles()
        self.controls.set_playing(True)
        self._timer.start()

    def _on_paused(self) -> None:
        self.controls.set_playing(False)
        self._timer.stop()
        self._emit_checkpoint()

    def _on_time(self, ms: int) -> None:
        self._time_ms = ms
        self.controls.set_time(ms)

    def _on_length(self, ms: int) -> None:
        self._length_ms = ms
        self.controls.set_length(ms)

    def _on_end(self) -> None:
        self._ended = True
        self._timer.stop()
        self._time_ms = self._length_ms
        self.controls.set_time(self._length_ms)
        self.controls.set_playing(False)
        self.finished.emit(self.duration())

    def _on_error(self) -> None:
        self._timer.stop()
        self.controls.set_playing(False)
        self.message.setText(self.tr("This video cannot be played: the file may be damaged."))
        self.message.show()

    def _emit_checkpoint(self) -> None:
        if self._started and not self._ended and self._length_ms:
            self.checkpoint.emit(self.position(), self.duration())

    def _apply_subtitles(self, tries: int = 10) -> None:
        tracks = [track for track, _name in self._player.video_get_spu_description() or ()
                  if track != -1]
        self._player.video_set_spu(tracks[0] if self._subtitles_on and tracks else -1)
        if self._subtitles_on and not tracks and tries > 0:
            # libVLC loads the .srt after playback starts: try again shortly (the timer
            # dies with this widget).
            QTimer.singleShot(100, self, lambda: self._retry_subtitles(tries - 1))

    def _retry_subtitles(self, tries: int) -> None:
        if self._player is not None and self._started:
            self._apply_subtitles(tries)

    def _restart(self, start_ms: int) -> None:
        self._reset_state(rate=self._rate, start=start_ms / 1000)
        self._player.stop()
        self._player.play()

    # -- keyboard, language ----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        actions = {
            Qt.Key.Key_Space: self.toggle_play,
            Qt.Key.Key_K: self.toggle_play,
            Qt.Key.Key_Left: lambda: self.skip(-SKIP_SECONDS),
            Qt.Key.Key_Right: lambda: self.skip(SKIP_SECONDS),
            Qt.Key.Key_F: self.toggle_fullscreen,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def retranslate(self) -> None:
        if not self.available:
            self.message.setText(self.tr(
                "Videos are played by VLC media player, which is not installed on this "
                "computer.\n\n"
                "On Debian, Ubuntu or Kylin, open a terminal and run:  sudo apt install vlc\n"
                "On Windows or macOS, download VLC from https://www.videolan.org/ and "
                "install it.\n\n"
                "Then start this app again."
            ))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _surroundings(widget: QWidget) -> list[QWidget]:
    """The visible widgets of the window that are neither ``widget`` nor hold it."""
    found = []
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for sibling in parent.findChildren(QWidget, options=direct):
            if sibling is not child and sibling.isVisible() and not sibling.isWindow():
                found.append(sibling)
        child, parent = parent, parent.parentWidget()
    return found


def _release(player: Any, events: vlc_engine.PlayerEvents) -> None:
    events.detach()
    player.stop()
    player.release()

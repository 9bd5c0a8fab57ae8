"""The app's one libVLC instance, and VLC events handed to the GUI thread.

``import vlc`` raises when libVLC is not installed (and ``vlc.Instance()`` returns None
when its plugins are missing): :func:`instance` then returns None and the player shows
how to install VLC instead of a video.

Where Qt has no real window system (the ``offscreen`` platform of tests, ``minimal``) a
window id is not a real window and handing it to libVLC crashes it, so video and audio go
to VLC's dummy outputs there: playback, time and end events still work.
"""

import logging
from types import ModuleType
from typing import Any, Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

EMBEDDING_PLATFORMS: Final = frozenset({"xcb", "windows", "cocoa"})
HEADLESS_PLATFORMS: Final = frozenset({"offscreen", "minimal"})
# Subtitles come only from the lesson's own .srt, added explicitly (never a neighbour file).
_BASE_OPTIONS: Final = ("--no-video-title-show", "--no-sub-autodetect-file", "--quiet")

_module: ModuleType | None = None
_instance: Any = None
_loaded = False


def load_vlc() -> ModuleType | None:
    """The ``vlc`` module, or None when libVLC cannot be loaded."""
    try:
        import vlc
    except Exception as error:  # OSError, ImportError, NameError…: each means "no VLC"
        log.warning("libVLC is not available: %s", error)
        return None
    loaded: ModuleType = vlc
    return loaded


def platform_name() -> str:
    return QGuiApplication.platformName() if QGuiApplication.instance() else "offscreen"


def can_embed() -> bool:
    """True when a widget's window id is a real native window libVLC may draw into."""
    return platform_name() in EMBEDDING_PLATFORMS


def instance_options() -> list[str]:
    options = list(_BASE_OPTIONS)
    if platform_name() in HEADLESS_PLATFORMS:
        options += ["--vout=dummy", "--aout=dummy"]
    return options


def instance() -> Any:
    """The app's ``vlc.Instance`` (made on first use), or None when VLC is missing."""
    global _module, _instance, _loaded  # noqa: PLW0603 - one instance per process, by design
    if not _loaded:
        _loaded = True
        _module = load_vlc()
        if _module is not None:
            _instance = _module.Instance(instance_options())
            if _instance is None:
                log.warning("libVLC is installed but could not start (plugins missing?)")
    return _instance


def module() -> ModuleType:
    """The ``vlc`` module; only call once :func:`instance` returned an instance."""
    assert _module is not None
    return _module


def attach_window(player: Any, window_id: int) -> bool:
    """Make ``player`` draw into the native window ``window_id``; False if it cannot here."""
    platform = platform_name()
    if platform == "xcb":
        player.set_xwindow(window_id)
    elif platform == "windows":
        player.set_hwnd(window_id)
    elif platform == "cocoa":
        player.set_nsobject(window_id)
    else:
        return False
    return True


class PlayerEvents(QObject):
    """A media player's events as Qt signals, safe to connect to widgets.

    libVLC calls back on its own threads, where nothing but a signal emit may happen (a
    libVLC call from there deadlocks); the queued connection runs the slots on the GUI thread.

    Signals:
        playing(): playback started or resumed.
        paused(): playback paused.
        time_changed(int): the position, in milliseconds.
        length_changed(int): the media's length, in milliseconds.
        end_reached(): the media played to its end.
        error(): libVLC could not play the media.
    """

    playing = Signal()
    paused = Signal()
    time_changed = Signal(int)
    length_changed = Signal(int)
    end_reached = Signal()
    error = Signal()

    def __init__(self, player: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        vlc = module()
        kinds = vlc.EventType
        self._manager = player.event_manager()
        self._handlers = {
            kinds.MediaPlayerPlaying: lambda _event: self.playing.emit(),
            kinds.MediaPlayerPaused: lambda _event: self.paused.emit(),
            kinds.MediaPlayerTimeChanged: lambda event: self.time_changed.emit(
                int(event.u.new_time)
            ),
            kinds.MediaPlayerLengthChanged: lambda event: self.length_changed.emit(
                int(event.u.new_length)
            ),
            kinds.MediaPlayerEndReached: lambda _event: self.end_reached.emit(),
            kinds.MediaPlayerEncounteredError: lambda _event: self.error.emit(),
        }
        for kind, handler in self._handlers.items():
            self._manager.event_attach(kind, handler)

    def detach(self) -> None:
        """Stop forwarding (call before the player is released)."""
        for kind in self._handlers:
            self._manager.event_detach(kind)
        self._handlers.clear()

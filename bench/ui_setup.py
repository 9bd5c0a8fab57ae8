"""Shared pieces of the desktop-app benchmarks: the real main window on a data folder,
waiting on the event loop, memory figures and a GUI-thread lag probe."""

import gc
import statistics
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.paths import resolve
from ui.context import AppContext
from ui.gui import build_context
from ui.main_window import MainWindow

TICK_MS = 5
STALL_MS = 50
# Source folders of the project: a sampled stack is summed up by its innermost frame there.
OWN_CODE = ("/ui/", "/app/", "/sync/", "/server/")


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM…), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_until(done: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the event loop until ``done()`` (not a busy loop: workers need the GIL)."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what} after {timeout:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)


def pause(seconds: float) -> None:
    """Keep the event loop running for ``seconds``."""
    deadline = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= deadline, seconds + 5, "a pause")


def open_main_window(folder: Path) -> tuple[AppContext, MainWindow]:
    """The app as ``lifelong --data-dir folder`` opens it, its only learner loaded, with no
    background sync timer (the benchmarks start work themselves)."""
    paths = resolve(folder)
    paths.ensure()
    context = build_context(paths)
    context.start("zh_CN", False)
    window = MainWindow(context)
    window.resize(window.fontMetrics().height() * 64, window.fontMetrics().height() * 40)
    window.show()
    gc.freeze()  # as ui/gui.py does once the first window shows
    window.session.start("zh_CN", False)
    wait_until(lambda: context.profile is not None, 30, "the learner's profile")
    return context, window


def _innermost_own_frame(stack: traceback.StackSummary) -> str:
    for frame in reversed(stack):
        if any(part in frame.filename for part in OWN_CODE):
            root = frame.filename.rsplit("/work/main/", 1)[-1]
            return f"{root}:{frame.name}:{frame.lineno}"
    last = stack[-1] if stack else None
    return f"{last.filename}:{last.name}" if last else "(no Python frame)"


class LagProbe:
    """A repeating 5 ms timer on the GUI thread recording how late each tick comes.

    While a tick is overdue by more than :data:`STALL_MS`, a watchdog thread samples the
    stacks of every thread every few milliseconds: :attr:`culprits` counts, per thread, the
    innermost frame in the project's own code (the GUI thread's is what blocks the loop;
    another thread's may hold the GIL).
    """

    def __init__(self) -> None:
        self.lateness_ms: list[float] = []
        self.culprits: Counter[str] = Counter()
        self.stalls: list[tuple[float, float]] = []  # (at s since start, late ms)
        # Garbage collections over 10 ms: (at s, generation, ms, thread); they hold the GIL.
        self.collections: list[tuple[float, int, float, str]] = []
        self._collecting = 0.0
        self._origin = self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._stop = threading.Event()
        self._watchdog: threading.Thread | None = None
        self._main = threading.main_thread().ident

    def start(self) -> None:
        self.lateness_ms.clear()
        self.culprits.clear()
        self.stalls.clear()
        self.collections.clear()
        self._stop.clear()
        self._origin = self._last = time.perf_counter()
        self._timer.start()
        gc.callbacks.append(self._collection)
        self._watchdog = threading.Thread(target=self._watch, name="lag-watchdog", daemon=True)
        self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.callbacks.remove(self._collection)
        self._stop.set()
        if self._watchdog is not None:
            self._watchdog.join()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self.lateness_ms.append(late)
        if late > STALL_MS:
            self.stalls.append((self._last - self._origin, late))
        self._last = now

    def _collection(self, phase: str, info: dict[str, int]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._collecting = now
        elif (now - self._collecting) * 1000 > 10:
            self.collections.append((self._collecting - self._origin, info["generation"],
                                     (now - self._collecting) * 1000,
                                     threading.current_thread().name))

    def _watch(self) -> None:
        while not self._stop.wait(0.01):
            if (time.perf_counter() - self._last) * 1000 > STALL_MS + TICK_MS:
                self._sample()

    def _sample(self) -> None:
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        for ident, frame in sys._current_frames().items():
            if ident == threading.get_ident():
                continue
            where = _innermost_own_frame(traceback.extract_stack(frame))
            who = "GUI" if ident == self._main else names.get(ident, str(ident))
            self.culprits[f"{who:>14}  {where}"] += 1

    def report(self, title: str) -> str:
        late = sorted(self.lateness_ms)
        if not late:
            return f"{title}: no ticks"
        p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
        over = sum(1 for value in late if value > STALL_MS)
        lines = [
            f"{title}: {len(late):,} ticks, max stall {late[-1]:.1f} ms, p99 {p99:.1f} ms, "
            f"p50 {statistics.median(late):.2f} ms, {over} over {STALL_MS} ms"
        ]
        if self.stalls:
            lines.append("  stalls (start s: ms): " + ", ".join(
                f"{at:.2f}: {ms:.0f}" for at, ms in self.stalls))
        if self.collections:
            lines.append(f"  garbage collections over 10 ms: {len(self.collections)}, " + ", ".join(
                f"{at:.2f}: gen {gen} {ms:.0f} ms on {thread}"
                for at, gen, ms, thread in self.collections))
        if self.culprits:
            lines.append(f"  stacks sampled (10 ms apart) while a tick was over {STALL_MS} ms "
                         "late, innermost project frame per thread:")
            lines += [f"  {count:5}  {where}" for where, count in self.culprits.most_common(12)]
        return "\n".join(lines)


class SlowCallbacks:
    """Times each Python callback the event loop runs on the GUI thread (a profile hook on
    that thread: it slows Python there, so use it to name culprits, not for the figures)."""

    def __init__(self, threshold_ms: float = 20.0) -> None:
        self.threshold_ms = threshold_ms
        self.slow: list[tuple[float, float, str]] = []  # (at s, took ms, file:function)
        self._open: dict[int, float] = {}
        self._origin = 0.0

    def start(self) -> None:
        self.slow.clear()
        self._origin = time.perf_counter()
        sys.setprofile(self._event)

    def stop(self) -> None:
        sys.setprofile(None)

    def _event(self, frame: FrameType, event: str, _arg: object) -> None:
        # A callback of the event loop is a Python frame entered from wait_until's C call.
        caller = frame.f_back
        if caller is None or caller.f_code is not wait_until.__code__:
            return
        if event == "call":
            self._open[id(frame)] = time.perf_counter()
        elif event == "return" and id(frame) in self._open:
            began = self._open.pop(id(frame))
            took = (time.perf_counter() - began) * 1000
            if took > self.threshold_ms:
                where = f"{frame.f_code.co_filename.rsplit('/work/main/', 1)[-1]}:" \
                        f"{frame.f_code.co_qualname}:{frame.f_code.co_firstlineno}"
                self.slow.append((began - self._origin, took, where))

    def report(self) -> str:
        lines = [f"GUI-thread callbacks over {self.threshold_ms:.0f} ms (profiled, so slower "
                 f"than unprofiled): {len(self.slow)}"]
        lines += [f"  at {at:6.2f} s  {took:7.1f} ms  {where}" for at, took, where in self.slow]
        return "\n".join(lines)

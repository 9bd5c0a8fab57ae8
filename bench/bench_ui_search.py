"""Keystroke to model updated, over a 100,000-course catalogue.

Times what follows the debounce: the query on the database worker, the model reset and
the count label, until ``results_shown``. Target: ≤ 50 ms. ``python -m bench.bench_ui_search``.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from app.paths import resolve
from bench.bench_ui_startup import build_catalogue
from ui.browse import DEBOUNCE_MS, BrowsePage
from ui.gui import build_context

QUERIES = ("数", "数学", "健康", "安全", "tea", "health", "computer", "太极", "手机", "")


class Arrivals:
    """Remembers which of the page's signals fired since :meth:`clear`."""

    def __init__(self, page: BrowsePage) -> None:
        self.rows = self.count = False
        page.rows_shown.connect(lambda: setattr(self, "rows", True))
        page.results_shown.connect(lambda _total: setattr(self, "count", True))

    def clear(self) -> None:
        self.rows = self.count = False

    def wait(self, app: QApplication, name: str) -> None:
        """Block on the event loop (not a busy loop: the worker needs the GIL)."""
        while not getattr(self, name):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = build_catalogue(Path(tempfile.gettempdir()) / f"lifelong-bench-{count}", count)
    app = QApplication([])
    context = build_context(resolve(folder))
    context.start("zh_CN", False)
    page = BrowsePage(context)
    page.resize(1000, 700)
    arrivals = Arrivals(page)
    page.show()
    arrivals.wait(app, "count")
    rows_ms, count_ms = [], []
    for round_number in range(3):
        for text in QUERIES:
            page.search.setText(text)
            arrivals.clear()
            started = time.perf_counter()
            page.refresh()  # what the debounce timer calls
            arrivals.wait(app, "rows")
            rows_ms.append((time.perf_counter() - started) * 1000)
            arrivals.wait(app, "count")
            count_ms.append((time.perf_counter() - started) * 1000)
            if round_number == 0:
                print(f"{text or '(all)':>10}: {page.model.total:>7,} courses, rows "
                      f"{rows_ms[-1]:6.1f} ms, count {count_ms[-1]:6.1f} ms")
    arrivals.clear()
    started = time.perf_counter()
    page.vertical["physical"].setChecked(True)
    arrivals.wait(app, "rows")
    facet_rows = (time.perf_counter() - started) * 1000
    arrivals.wait(app, "count")
    facet_count = (time.perf_counter() - started) * 1000
    print(f"keystroke to model updated over {count:,} courses (after the {DEBOUNCE_MS} ms "
          f"debounce): median {statistics.median(rows_ms):.1f} ms, max {max(rows_ms):.1f} ms "
          f"(target <= 50 ms); with the total count: median "
          f"{statistics.median(count_ms):.1f} ms, max {max(count_ms):.1f} ms")
    print(f"facet filter (physical vigour): rows {facet_rows:.1f} ms, "
          f"count {facet_count:.1f} ms")
    context.tasks.shutdown()


if __name__ == "__main__":
    main()

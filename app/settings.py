"""Settings, declared once with type, default and description.

Machine-wide settings live in the ``settings`` table; per-learner settings in the
profile's ``settings`` JSON (see :mod:`app.profiles`).
"""

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Final


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: Any
    description: str

    def parse(self, text: str) -> Any:
        """The value of ``text`` as this setting's type; ``ValueError`` if it is not one."""
        if self.kind is bool:
            lowered = text.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(f"{self.key} takes true or false, not {text!r}")
        try:
            return self.kind(text)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{self.key} takes a {self.kind.__name__}: {error}") from None


MACHINE: Final[dict[str, Setting]] = {
    s.key: s
    for s in (
        Setting("server.url", str, "", "Address of the platform (or a centre's hub)."),
        Setting("lrs.url", str, "", "Optional separate xAPI endpoint for learning records."),
        Setting("lrs.key", str, "", "Key (Basic auth user) for the separate xAPI endpoint."),
        Setting("lrs.secret", str, "", "Secret (Basic auth password) for the xAPI endpoint."),
        Setting("download.bandwidth_kbps", int, 0, "Download bandwidth cap in KB/s; 0 = none."),
        Setting("download.parallel", int, 2, "How many downloads run at once."),
        Setting("download.reserve_mb", int, 500, "Free space kept on disk after a download."),
        Setting("lock.idle_minutes", int, 10, "Lock the session after this many idle minutes."),
    )
}

LEARNER: Final[dict[str, Setting]] = {
    s.key: s
    for s in (
        Setting("language", str, "zh_CN", "Interface language: zh_CN or en."),
        Setting("large_font", bool, False, "Silver-age large-font mode."),
        Setting("playback_rate", float, 1.0, "Default video speed (0.5 to 2.0)."),
        Setting("subtitles", bool, True, "Show subtitles when a video has them."),
        Setting("reading_scale", float, 1.0, "Text size factor in reading lessons."),
    )
}


def get(conn: sqlite3.Connection, key: str) -> Any:
    """A machine-wide setting's value, or its default."""
    setting = MACHINE[key]
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return setting.default if row is None else json.loads(row[0])


def put(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """Store a machine-wide setting after checking its type."""
    setting = MACHINE[key]
    if not isinstance(value, setting.kind):
        value = setting.parse(str(value))
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )

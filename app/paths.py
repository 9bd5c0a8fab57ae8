"""Where the installation keeps its data: platformdirs, overridden for portable mode."""

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "LifelongLearning"
DATA_DIR_ENV = "LIFELONG_DATA_DIR"


def default_data_dir() -> Path:
    """``$LIFELONG_DATA_DIR`` when set (portable mode), else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when no folder is given (keeps it off the app's start-up)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    """The folders and files of one installation. Content lives beside the database."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "library.sqlite3"

    @property
    def content(self) -> Path:
        """Installed courses, one folder per course, shared by every profile."""
        return self.root / "content"

    @property
    def downloads(self) -> Path:
        """Partial downloads (``.part`` files)."""
        return self.root / "downloads"

    @property
    def crash_log(self) -> Path:
        return self.root / "crash.log"

    def course_dir(self, course_id: str) -> Path:
        return self.content / course_id

    def ensure(self) -> None:
        for folder in (self.root, self.content, self.downloads):
            folder.mkdir(parents=True, exist_ok=True)


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """The installation's paths: ``data_dir`` if given, else :func:`default_data_dir`."""
    root = Path(data_dir).expanduser() if data_dir else default_data_dir()
    return DataPaths(root.resolve())

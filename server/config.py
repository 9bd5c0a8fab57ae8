"""Settings of one server instance, with the defaults a centre's hub uses."""

from dataclasses import dataclass
from pathlib import Path
from typing import Final

PROTOCOL_VERSION: Final = 1
SERVER_VERSION: Final = "0.1.0"
DEFAULT_ACTIVITY_BASE: Final = "https://lifelong.example.org/xapi/activities"
DEFAULT_HOME_PAGE: Final = "https://lifelong.example.org"
DAY: Final = 24 * 60 * 60


@dataclass(frozen=True)
class ServerConfig:
    """Where the server keeps its data and the limits it enforces."""

    data_dir: Path
    # IRIs are the platform's, not this host's: a course keeps its activity id whichever
    # server (centre hub, national platform, CDN) serves it. No trailing slash, as in
    # resources/demo/records.py.
    activity_base: str = DEFAULT_ACTIVITY_BASE
    account_home_page: str = DEFAULT_HOME_PAGE
    max_body_bytes: int = 5 * 1024 * 1024
    tombstone_retention_s: float = 90 * DAY
    token_lifetime_s: float = 30 * DAY
    min_client_protocol: int = PROTOCOL_VERSION
    health_message: str = ""
    statements_page_limit: int = 500
    catalog_page_limit: int = 1000
    # A plain POST echo of the same size as a statement batch: the ingest benchmark's baseline.
    enable_echo: bool = False

    @property
    def database(self) -> Path:
        return self.data_dir / "server.sqlite3"

    @property
    def packages_dir(self) -> Path:
        return self.data_dir / "packages"

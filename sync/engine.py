"""One sync run: catalogue, then push, then pull, with a one-line summary per step.

With no one signed in only the catalogue is synced, and that is not a failure.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app import settings
from app.profiles import Profile
from app.progress import waiting_count
from app.store import Store, utc_now
from sync.accounts import destination, linked_profiles
from sync.catalog import pull_catalog, updates_available
from sync.client import Client
from sync.connectivity import Connectivity, record_clock_skew
from sync.errors import SyncError
from sync.pull import pull_profile
from sync.push import push_profile

Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    summary: str

    def line(self) -> str:
        return f"{self.name}: {self.summary}"


@dataclass(frozen=True)
class SyncSummary:
    steps: tuple[StepResult, ...]

    @property
    def ok(self) -> bool:
        return all(step.ok for step in self.steps)


def _catalogue_step(store: Store, client: Client, cancelled: Cancelled) -> StepResult:
    try:
        result = pull_catalog(store, client, cancelled=cancelled)
    except SyncError as error:
        return StepResult("catalogue", False, f"failed: {error}")
    updates = len(updates_available(store.conn))
    text = f"{result.added} new, {result.updated} changed, {result.withdrawn} withdrawn"
    if result.full_resync:
        text += " (full resync)"
    if updates:
        text += f"; {updates} update(s) for installed courses"
    return StepResult("catalogue", True, text)


def _push_step(store: Store, profiles: Sequence[Profile], cancelled: Cancelled) -> StepResult:
    sent = quarantined = 0
    problems = []
    for profile in profiles:
        target = destination(store, profile)
        result = push_profile(store, profile.id, target.lrs, cancelled=cancelled)
        sent, quarantined = sent + result.sent, quarantined + result.quarantined
        if result.needs_sign_in:
            problems.append(f"{profile.name} must sign in again")
        elif result.error:
            problems.append(f"{profile.name}: {result.error}")
    waiting = sum(waiting_count(store.conn, p.id) for p in profiles)
    text = f"{sent} sent, {quarantined} quarantined, {waiting} waiting"
    return StepResult("push", not problems, "; ".join([text, *problems]))


def _pull_step(store: Store, profiles: Sequence[Profile], cancelled: Cancelled) -> StepResult:
    received = merged = 0
    problems = []
    for profile in profiles:
        if cancelled():
            break
        try:
            result = pull_profile(store, profile.id, profile.actor, destination(store, profile).lrs)
        except SyncError as error:
            problems.append(f"{profile.name}: {error}")
            continue
        received, merged = received + result.received, merged + result.merged
    text = f"{received} received, {merged} new"
    return StepResult("pull", not problems, "; ".join([text, *problems]))


def sync_all(
    store: Store,
    *,
    server_url: str = "",
    profile_ids: Sequence[int] | None = None,
    cancelled: Cancelled = lambda: False,
) -> SyncSummary:
    """Catalogue from ``server_url`` (default: the ``server.url`` setting), then push and
    pull for every signed-in profile (or those of ``profile_ids``)."""
    server = server_url or str(settings.get(store.conn, "server.url"))
    if not server:
        return SyncSummary((StepResult("catalogue", False, "no server address is set"),))
    client = Client(server)
    probe = Connectivity.for_client(client)
    probe.probe_now()
    record_clock_skew(store, probe.clock_skew_s)
    steps = [_catalogue_step(store, client, cancelled)]
    profiles = [
        p for p in linked_profiles(store) if profile_ids is None or p.id in profile_ids
    ]
    if profiles:
        steps.append(_push_step(store, profiles, cancelled))
        steps.append(_pull_step(store, profiles, cancelled))
    summary = SyncSummary(tuple(steps))
    with store.transaction():
        for step in steps:
            store.set_state(f"sync.last.{step.name}", f"{utc_now()} {step.line()}")
    return summary


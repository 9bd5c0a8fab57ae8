"""One sync run: catalogue, then push, then pull, with a one-line summary per step.

With no one signed in only the catalogue is synced, and that is not a failure. When the
platform says this app is too old to sync, nothing is synced and the summary says so.
A profile whose sign-in has expired is skipped without a request; its outbox waits.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app import settings
from app.profiles import Profile
from app.progress import waiting_count
from app.store import Store, utc_now
from sync.accounts import Destination, destination, linked_profiles
from sync.catalog import pull_catalog, updates_available
from sync.client import Client
from sync.connectivity import Connectivity, record_clock_skew
from sync.errors import AuthError, SyncError
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
    """``update_required``: the platform refused to sync with this app (``message`` is its
    explanation, to show as is); ``needs_sign_in``: ids of profiles that must sign in again."""

    steps: tuple[StepResult, ...]
    update_required: bool = False
    message: str = ""
    needs_sign_in: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.update_required and all(step.ok for step in self.steps)


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


class _Accounts:
    """Each profile's destination, and the profiles that must sign in again."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.needs_sign_in: list[int] = []

    def usable(self, profile: Profile, problems: list[str]) -> Destination | None:
        """The profile's destination, or None (noted in ``problems``) if its sign-in expired."""
        target = destination(self.store, profile)
        if target.token_expired:
            self.must_sign_in(profile, problems)
            return None
        return target

    def must_sign_in(self, profile: Profile, problems: list[str]) -> None:
        problems.append(f"{profile.name} must sign in again")
        if profile.id not in self.needs_sign_in:
            self.needs_sign_in.append(profile.id)


def _push_step(
    store: Store, profiles: Sequence[Profile], accounts: _Accounts, cancelled: Cancelled
) -> StepResult:
    sent = quarantined = 0
    problems: list[str] = []
    for profile in profiles:
        target = accounts.usable(profile, problems)
        if target is None:
            continue
        result = push_profile(store, profile.id, target.lrs, cancelled=cancelled)
        sent, quarantined = sent + result.sent, quarantined + result.quarantined
        if result.needs_sign_in:
            accounts.must_sign_in(profile, problems)
        elif result.error:
            problems.append(f"{profile.name}: {result.error}")
    waiting = sum(waiting_count(store.conn, p.id) for p in profiles)
    text = f"{sent} sent, {quarantined} quarantined, {waiting} waiting"
    return StepResult("push", not problems, "; ".join([text, *problems]))


def _pull_step(
    store: Store, profiles: Sequence[Profile], accounts: _Accounts, cancelled: Cancelled
) -> StepResult:
    received = merged = 0
    problems: list[str] = []
    for profile in profiles:
        if cancelled():
            break
        target = accounts.usable(profile, problems)
        if target is None:
            continue
        try:
            result = pull_profile(store, profile.id, profile.actor, target.lrs)
        except AuthError:
            accounts.must_sign_in(profile, problems)
            continue
        except SyncError as error:
            problems.append(f"{profile.name}: {error}")
            continue
        received, merged = received + result.received, merged + result.merged
    text = f"{received} received, {merged} new"
    return StepResult("pull", not problems, "; ".join([text, *problems]))


def _update_required(message: str) -> SyncSummary:
    step = StepResult("catalogue", False, f"not synced, this app must be updated: {message}")
    return SyncSummary((step,), update_required=True, message=message)


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
    if probe.update_required:
        summary = _update_required(probe.update_message)
    else:
        steps = [_catalogue_step(store, client, cancelled)]
        profiles = [
            p for p in linked_profiles(store) if profile_ids is None or p.id in profile_ids
        ]
        accounts = _Accounts(store)
        if profiles:
            steps.append(_push_step(store, profiles, accounts, cancelled))
            steps.append(_pull_step(store, profiles, accounts, cancelled))
        summary = SyncSummary(tuple(steps), needs_sign_in=tuple(accounts.needs_sign_in))
    with store.transaction():
        for step in summary.steps:
            store.set_state(f"sync.last.{step.name}", f"{utc_now()} {step.line()}")
    return summary


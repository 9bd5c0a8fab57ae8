"""Signing in: a profile linked to a platform account, and the credentials it pushes with."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app import profiles, settings
from app.errors import NotFoundError
from app.profiles import Profile
from app.store import Store
from sync import api
from sync.client import Client, Credentials
from sync.connectivity import platform_now
from sync.lrs import Lrs


def sign_in(
    store: Store, server_url: str, username: str, password: str, *, profile_name: str = ""
) -> Profile:
    """Sign in at the platform and link the profile ``profile_name`` (default: the username),
    creating it if there is none. The server becomes the machine's server if none is set.

    Raises :class:`UpdateRequiredError` first if the platform no longer syncs with this app.
    """
    client = Client(server_url)
    api.check_supported(client)
    result = api.sign_in(client, username, password)
    account = {
        "server": server_url,
        "username": username,
        "token": result.token,
        "expires": result.expires,
    }
    with store.transaction() as conn:
        name = profile_name or username
        try:
            profile = profiles.find(conn, name)
        except NotFoundError:
            profile = profiles.create(conn, name)
        profiles.link_account(conn, profile.id, result.actor, account)
        if not settings.get(conn, "server.url"):
            settings.put(conn, "server.url", server_url)
    return profiles.get(store.conn, profile.id)


def signed_in(profile: Profile) -> bool:
    return bool(profile.account.get("token") and profile.account.get("server"))


def token_expired(profile: Profile, now: float) -> bool:
    """Whether the account's token is known to have expired at ``now`` (POSIX seconds).
    An unknown or unreadable expiry counts as valid: the server then decides."""
    text = str(profile.account.get("expires") or "")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() <= now


def linked_profiles(store: Store) -> list[Profile]:
    """Profiles signed in to a platform account, in creation order."""
    return [p for p in profiles.all_profiles(store.conn) if signed_in(p)]


@dataclass(frozen=True)
class Destination:
    """Where a profile's statements go and come from, and what to call it in messages."""

    lrs: Lrs
    name: str
    token_expired: bool = False


def destination(store: Store, profile: Profile) -> Destination:
    """The separate LRS (HTTP Basic) when ``lrs.url`` is set, else the account's platform;
    ``token_expired`` when the latter's token has expired by the platform's clock (so no
    request with it can succeed)."""
    lrs_url = str(settings.get(store.conn, "lrs.url"))
    if lrs_url:
        key, secret = (str(settings.get(store.conn, name)) for name in ("lrs.key", "lrs.secret"))
        basic = (key, secret)
        client = Client(lrs_url, credentials=Credentials(basic=basic))
        return Destination(Lrs(client, ""), lrs_url)
    account: dict[str, Any] = profile.account
    client = Client(str(account["server"]), credentials=Credentials(bearer=str(account["token"])))
    expired = token_expired(profile, platform_now(store))
    return Destination(Lrs(client), str(account["server"]), expired)

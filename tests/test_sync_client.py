"""The HTTP client and connectivity probe: checked answers, clear errors, backoff."""

from collections.abc import Iterator

import pytest

from server.running import RunningServer, start_server
from sync import api
from sync.client import Client, Credentials
from sync.connectivity import Connectivity
from sync.errors import AuthError, OfflineError, ProtocolError, ServerError, SyncError
from tests.fault_proxy import Fault, FaultProxy


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server")) as running:
        running.add_learner("ana", "pw-of-ana")
        yield running


@pytest.fixture
def proxy(server: RunningServer) -> Iterator[FaultProxy]:
    with FaultProxy(server.url) as running:
        yield running


def test_health_reports_protocol_and_server_time(server: RunningServer) -> None:
    health = api.health(Client(server.url))
    assert health.protocol == 1
    assert health.server_time is not None


def test_every_request_carries_the_xapi_version_header(proxy: FaultProxy) -> None:
    api.health(Client(proxy.url))
    assert proxy.seen[-1].headers["X-Experience-API-Version"] == "1.0.3"


def test_sign_in_returns_token_and_account_actor(server: RunningServer) -> None:
    result = api.sign_in(Client(server.url), "ana", "pw-of-ana")
    assert result.token
    assert result.actor["account"]["name"] == "ana"


def test_wrong_password_is_an_auth_error(server: RunningServer) -> None:
    with pytest.raises(AuthError, match="Sign-in needed"):
        api.sign_in(Client(server.url), "ana", "wrong")


def test_captive_portal_page_is_a_protocol_error(proxy: FaultProxy) -> None:
    proxy.add(Fault("html", path="/api/v1/health"))
    with pytest.raises(ProtocolError, match="web page"):
        api.health(Client(proxy.url))


def test_garbage_json_is_a_protocol_error() -> None:
    import http.server
    import threading

    class Garbage(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "7")
            self.end_headers()
            self.wfile.write(b"{nope!}")

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Garbage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with pytest.raises(ProtocolError, match="broken JSON"):
            api.health(Client(f"http://127.0.0.1:{httpd.server_address[1]}"))
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_wrong_shape_is_a_protocol_error(server: RunningServer) -> None:
    # The health endpoint's object has no 'courses': reading it as a feed page must fail.
    client = Client(server.url)
    with pytest.raises(ProtocolError, match="courses"):
        from sync.client import require

        require(client.json("GET", "api/v1/health"), "courses", list, "catalogue changes")


def test_refused_connection_is_offline() -> None:
    with pytest.raises(OfflineError):
        Client("http://127.0.0.1:9", timeout=(1, 1)).request("GET", "api/v1/health")


def test_server_error_carries_status_and_retry_after(proxy: FaultProxy) -> None:
    proxy.add(Fault("status", path="/api/v1/health", status=503, retry_after="7"))
    with pytest.raises(ServerError) as caught:
        api.health(Client(proxy.url))
    assert caught.value.status == 503
    assert caught.value.retry_after == 7.0
    assert caught.value.transient


def test_read_timeout_is_offline(proxy: FaultProxy) -> None:
    proxy.add(Fault("delay", path="/api/v1/health", delay_s=1.0))
    with pytest.raises(OfflineError):
        api.health(Client(proxy.url, timeout=(1, 0.3)))


def test_basic_credentials_are_sent(server: RunningServer) -> None:
    secret = server.add_client("centre-lrs")
    client = Client(server.url, credentials=Credentials(basic=("centre-lrs", secret)))
    assert client.json("GET", "xapi/statements", params={"limit": "1"})["statements"] == []


def test_a_bad_address_is_refused_before_any_request() -> None:
    with pytest.raises(SyncError, match="http"):
        Client("ftp://example.org")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _failing_probe(error: SyncError) -> "api.Health":
    raise error


def test_probe_backs_off_exponentially_with_full_jitter() -> None:
    clock = FakeClock()
    probe = Connectivity(lambda: _failing_probe(OfflineError("down")), clock=clock,
                         rand=lambda: 1.0, base_s=2.0, cap_s=600.0)
    delays = []
    for _ in range(10):
        assert probe.probe_now() is False
        delays.append(probe.next_probe_at - clock.now)
    assert delays[:4] == [4.0, 8.0, 16.0, 32.0]
    assert max(delays) == 600.0
    assert probe.online is False


def test_probe_jitter_draws_below_the_ceiling() -> None:
    clock = FakeClock()
    probe = Connectivity(lambda: _failing_probe(OfflineError("down")), clock=clock,
                         rand=lambda: 0.25)
    probe.probe_now()
    assert probe.next_probe_at - clock.now == pytest.approx(0.25 * 4.0)
    assert not probe.due()
    clock.now += 1.0
    assert probe.due()


def test_probe_honours_retry_after() -> None:
    clock = FakeClock()
    busy = ServerError("busy", status=503, retry_after=120.0)
    probe = Connectivity(lambda: _failing_probe(busy), clock=clock, rand=lambda: 0.0)
    probe.probe_now()
    assert probe.next_probe_at - clock.now == 120.0


def test_probe_success_resets_backoff_and_measures_skew(server: RunningServer) -> None:
    clock = FakeClock()
    outcomes: list[SyncError | None] = [OfflineError("down"), OfflineError("down"), None]

    def probe_once() -> api.Health:
        error = outcomes.pop(0)
        if error is not None:
            raise error
        return api.Health(1, 5000.0, "")

    probe = Connectivity(probe_once, clock=clock, wall_clock=lambda: 4000.0, rand=lambda: 1.0)
    probe.probe_now()
    probe.probe_now()
    assert probe.failures == 2
    assert probe.probe_now() is True
    assert (probe.online, probe.failures) == (True, 0)
    assert probe.clock_skew_s == 1000.0
    live = Connectivity.for_client(Client(server.url))
    assert live.probe_now() and abs(live.clock_skew_s or 99) < 5

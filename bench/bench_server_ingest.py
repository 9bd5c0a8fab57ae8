"""Statement ingest over loopback HTTP: 20,000 statements in batches of 250, against an echo
endpoint of the same server given the same bytes (the cost of HTTP alone).

Each round posts the bodies to the echo, then new statements, then the same statements again
(a client retrying after a lost answer: every one already stored). Rounds alternate so that
a busy machine slows all three alike; the figures are medians over the rounds.

Run: python -m bench.bench_server_ingest [rounds]
"""

import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

from bench.bench_server_process import server_process
from server.auth import add_learner
from server.storage import Storage

TOTAL = 20_000
BATCH = 250
XAPI = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}


def batches(actor: dict[str, object]) -> list[bytes]:
    bodies = []
    for start in range(0, TOTAL, BATCH):
        bodies.append(json.dumps([{
            "id": str(uuid.uuid4()), "actor": actor,
            "verb": {"id": "http://adlnet.gov/expapi/verbs/progressed"},
            "object": {"id": f"https://lifelong.example.org/xapi/activities/lesson/c-{n % 977}"},
            "result": {"extensions": {
                "https://w3id.org/xapi/cmi5/result/extensions/progress": n % 100,
                "https://w3id.org/xapi/video/extensions/time": n / 3}},
            "timestamp": "2026-11-28T12:00:00.000Z",
        } for n in range(start, start + BATCH)]).encode())
    return bodies


def post_all(session: requests.Session, url: str, bodies: list[bytes]) -> float:
    began = time.perf_counter()
    for body in bodies:
        session.post(url, data=body, headers=XAPI, timeout=60).raise_for_status()
    return time.perf_counter() - began


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as folder:
        storage = Storage(Path(folder) / "server.sqlite3")
        add_learner(storage, "bench", "bench")
        storage.close()
        with server_process(Path(folder), echo=True) as url, requests.Session() as session:
            run(url, session, rounds)


def run(url: str, session: requests.Session, rounds: int) -> None:
    issued = session.post(f"{url}/api/v1/auth/token",
                          json={"username": "bench", "password": "bench"}, timeout=60).json()
    session.headers["Authorization"] = f"Bearer {issued['access_token']}"
    times: dict[str, list[float]] = {"echo": [], "ingest": [], "resend": []}
    for _ in range(rounds):
        bodies = batches(issued["actor"])
        times["echo"].append(post_all(session, f"{url}/api/v1/echo", bodies))
        times["ingest"].append(post_all(session, f"{url}/xapi/statements", bodies))
        times["resend"].append(post_all(session, f"{url}/xapi/statements", bodies))
    size = sum(map(len, bodies)) / 1e6
    print(f"{TOTAL} statements in {len(bodies)} batches of {BATCH} ({size:.1f} MB), "
          f"median of {rounds} rounds")
    echo = statistics.median(times["echo"])
    for name, label in (("echo", "echo (HTTP only)"), ("ingest", "xAPI ingest, new"),
                        ("resend", "xAPI ingest, resent")):
        took = statistics.median(times[name])
        print(f"{label + ':':22}{took:6.2f} s  {TOTAL / took:9,.0f} statements/s  "
              f"{took / echo:5.1f}x echo")


if __name__ == "__main__":
    main()

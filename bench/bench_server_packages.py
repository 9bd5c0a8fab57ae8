"""Package serving: MB/s of a 500 MB package from the reference server, against curl reading
the same file from ``python -m http.server`` in the same run.

Run: python -m bench.bench_server_packages
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.packages import build_package
from bench.bench_server_process import server_process
from server.config import ServerConfig
from server.publishing import publish
from server.storage import Storage

SIZE = 500 * 1024 * 1024
CURL = "/usr/bin/curl"


def write_video(path: Path) -> None:
    block = bytes(range(256)) * 4096
    with path.open("wb") as stream:
        for _ in range(SIZE // len(block)):
            stream.write(block)


def curl_seconds(url: str) -> float:
    began = time.perf_counter()
    subprocess.run([CURL, "-sf", "-o", "/dev/null", url], check=True)
    return time.perf_counter() - began


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_video(root / "big.mp4")
        info = build_package(root / "big.zip", course_id="big", version=1, title={"en": "Big"},
                             lessons=[{"id": "big-01", "kind": "video", "title": {"en": "Big"},
                                       "file": "big.mp4"}], files={"big.mp4": root / "big.mp4"})
        (root / "big.mp4").unlink()
        config = ServerConfig(data_dir=root / "server")
        storage = Storage(config.database)
        record = publish(storage, config, info.path, {"section": "silver_age"})
        storage.close()
        megabytes = info.size / 1e6
        with server_process(config.data_dir) as url:
            ours = curl_seconds(url + record["package"]["url"])
        plain = subprocess.Popen(
            [sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1"],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            assert plain.stdout is not None
            port = plain.stdout.readline().split("port ")[1].split(" ")[0]
            baseline = curl_seconds(f"http://127.0.0.1:{port}/big.zip")
        finally:
            plain.terminate()
            plain.wait(timeout=30)
            if plain.stdout:
                plain.stdout.close()
        print(f"package of {megabytes:.0f} MB, read with curl")
        print(f"reference server:   {ours:5.2f} s  {megabytes / ours:7.0f} MB/s")
        print(f"python -m http.server: {baseline:5.2f} s  {megabytes / baseline:7.0f} MB/s")
        print(f"reference server / http.server throughput: {baseline / ours:.2f}x")


if __name__ == "__main__":
    main()

"""A real `corroborate serve` (uvicorn) on loopback over a real store, for the web security test and the load bench.

:func:`build_db` fills a database with `corroborate add` (the bundled examples, the seeds when ../shared is
there, and any extra files); :func:`serve` starts the server on a free port and yields its base URL.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_db(db: Path, *extra: Path, seeds: bool = True) -> list[str]:
    """`corroborate add` the examples (plus the seeds and ``extra``) into ``db``; returns the paths added."""
    paths = [str(EXAMPLES)]
    if seeds and (SHARED / "seeds").is_dir():
        paths.append(str(SHARED / "seeds"))
    paths += [str(p) for p in extra]
    subprocess.run([sys.executable, "-m", "corroborate.cli", "add", *paths, "--db", str(db), "--semantic", "off",
                    "--quiet"], cwd=REPO, check=True, capture_output=True, timeout=600)
    return paths


@contextmanager
def serve(db: Path, *, startup_timeout: float = 120.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `corroborate serve --db DB` on 127.0.0.1 and a free port; yields (base URL, process)."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "corroborate.cli", "serve", "--db", str(db), "--port", str(port),
                             "--semantic", "off"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"corroborate serve exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(f"{base}/api/stories", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"corroborate serve did not answer within {startup_timeout:.0f} s")
            time.sleep(0.2)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def raw_request(base: str, request: bytes, *, timeout: float = 10.0) -> bytes:
    """Send bytes exactly as given (no client-side URL normalisation) and return the raw response."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.sendall(request)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (ConnectionResetError, TimeoutError):
            pass
    return b"".join(chunks)


def status_of(response: bytes) -> int | None:
    """The status code of a raw HTTP response, or None when the server closed without answering."""
    if not response.startswith(b"HTTP/"):
        return None
    return int(response.split(b" ", 2)[1])

"""The web app as a user's browser (or an attacker) meets it: a real `corroborate serve` (uvicorn) on loopback.

tests/web/test_app.py covers the app through FastAPI's TestClient. This adds what only a real server shows:
paths sent byte for byte (no client normalises ``..`` away), a lying Content-Length, oversized headers and
request lines, markup that arrived through real ingest (a hostile text file), and a short bounded load with
no server error. The full load measurement is bench/web_load.py.
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("uvicorn", reason="the web extra is not installed")
import httpx

from tests.render.htmlcheck import parse
from tests.robustness.webserver import build_db, raw_request, serve, status_of

HOSTILE = ("Title: Ferry <script>alert('title')</script> rescue\nOutlet: <img src=x onerror=alert(1)>\n"
           "Date: 2025-03-06\n\n"
           "The ferry crew was rescued on Thursday <script>alert('body')</script> off Port Elin.\n\n"
           "A witness said: \"<iframe src=javascript:alert(2)></iframe> It was terrifying,\" and left.\n\n"
           "More at javascript:alert(3) and <a href=\"javascript:alert(4)\">here</a>.\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("web")
    hostile = root / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = root / "news.db"
    build_db(db, hostile, seeds=False)
    with serve(db) as (base, proc):
        stories = httpx.get(f"{base}/api/stories", timeout=30).json()["stories"]
        yield {"base": base, "proc": proc, "stories": stories}


def _alive(base: str) -> bool:
    return httpx.get(f"{base}/api/stories", timeout=30).status_code == 200


@pytest.mark.parametrize("target", [
    b"/static/../../pyproject.toml", b"/static/../app.py", b"/static/..%2f..%2fpyproject.toml",
    b"/static/%2e%2e/%2e%2e/pyproject.toml", b"/api/articles/../../../../etc/passwd",
    b"/api/articles/..%2f..%2f..%2fetc%2fpasswd", b"/stories/..%5c..%5cpyproject.toml", b"//etc/passwd",
    b"/static//etc/passwd", b"/static/%00", b"/api/stories/s1%00.json",
])
def test_raw_traversal_paths_are_refused(server, target: bytes) -> None:
    response = raw_request(server["base"], b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Connection: close\r\n\r\n")
    status = status_of(response)
    assert status in (400, 404, 422), (target, response[:200])
    for secret in (b"root:", b"[project]", b"def create_app", b"import "):
        assert secret not in response, (target, secret)


def test_lying_content_length_is_refused_before_reading(server) -> None:
    request = (b"POST /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n"
               b"Content-Type: application/json\r\nConnection: close\r\n\r\n{}")
    started = time.monotonic()
    response = raw_request(server["base"], request, timeout=30)
    assert status_of(response) == 413
    assert time.monotonic() - started < 10  # refused from the header, not after waiting for 50 MB
    bad = raw_request(server["base"], b"POST /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n"
                      b"Connection: close\r\n\r\n")
    assert status_of(bad) in (400, None)  # uvicorn's parser or the app refuses it; never a 200 or a 500
    assert _alive(server["base"])


def test_streamed_oversized_body_is_cut_off(server) -> None:
    def body():
        for _ in range(40):
            yield b"x" * 100_000  # 4 MB in chunks, no Content-Length

    r = httpx.post(f"{server['base']}/api/stories", content=body(), timeout=60)
    assert r.status_code == 413
    assert _alive(server["base"])


def test_oversized_headers_and_request_line_are_refused(server) -> None:
    huge_header = raw_request(server["base"], b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000
                              + b"\r\nConnection: close\r\n\r\n", timeout=30)
    assert status_of(huge_header) in (400, 431, None)
    long_line = raw_request(server["base"], b"GET /?q=" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            b"Connection: close\r\n\r\n", timeout=30)
    assert status_of(long_line) in (400, 414, 422, None)
    many = raw_request(server["base"], b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       + b"".join(b"X-H%d: v\r\n" % i for i in range(5000)) + b"Connection: close\r\n\r\n", timeout=30)
    assert status_of(many) in (200, 400, 431, None)  # answered or refused, never a crash
    assert server["proc"].poll() is None and _alive(server["base"])


def test_foreign_host_header_is_refused(server) -> None:
    response = raw_request(server["base"], b"GET /api/stories HTTP/1.1\r\nHost: evil.example\r\n"
                           b"Connection: close\r\n\r\n")
    assert status_of(response) == 400
    assert b'"stories"' not in response


def test_markup_from_real_ingest_is_escaped(server) -> None:
    base = server["base"]
    story = next(s for s in server["stories"] if "script" in (s["title"] or ""))
    # The API waits for the story's cross-check; the page would show the loading page (202) until it is done.
    httpx.get(f"{base}/api/stories/{story['id']}", timeout=300)
    pages = [httpx.get(f"{base}/stories/{story['id']}", timeout=300), httpx.get(f"{base}/", timeout=60)]
    pages += [httpx.get(f"{base}/articles/{a}", timeout=60) for a in story["articles"]]
    for page in pages:
        assert page.status_code == 200, page.text[:300]
        html = page.text
        for raw in ("<script>alert", "<img", "<iframe", 'href="javascript:'):
            assert raw not in html, (page.url, raw)
        assert "&lt;script&gt;" in html, page.url
        for element in parse(html).elements:  # the markup is text: no element carries a handler or a script URL
            assert not [a for a in element.attrs if a.startswith("on")], (page.url, element)
            for name in ("href", "src", "action"):
                assert not (element.attrs.get(name) or "").lower().startswith("javascript:"), (page.url, element)
        for script in parse(html).find("script"):
            assert script.attrs.get("src", "").startswith("/static/") and not script.text.strip()
        assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    api = httpx.get(f"{base}/api/articles/{story['articles'][0]}", timeout=60)
    assert api.headers["content-type"] == "application/json"
    assert "<script>alert('body')</script>" in api.json()["text"]  # JSON carries the text unchanged


def test_bounded_load_has_no_server_errors(server) -> None:
    """200 requests over 4 threads (the full measurement, 2,000 requests, is bench/web_load.py)."""
    base = server["base"]
    urls = ["/api/stories", "/"] + [f"/api/stories/{s['id']}" for s in server["stories"]] \
        + [f"/stories/{s['id']}" for s in server["stories"]]
    for url in urls:  # first view of a story runs its cross-check: warm the cache outside the measurement
        httpx.get(base + url, timeout=300)
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def worker(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            for k in range(50):
                url = urls[(offset + k) % len(urls)]
                started = time.perf_counter()
                try:
                    status = client.get(url).status_code
                except httpx.HTTPError as exc:
                    status = f"{type(exc).__name__}"
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        failures.append(f"{url}: {status}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:10]
    assert len(latencies) == 200
    assert statistics.median(latencies) < 5.0  # generous: 2 shared cores; bench/web_load.py has real numbers
    assert server["proc"].poll() is None


def test_server_survives_abrupt_disconnects(server) -> None:
    import socket

    host, port = server["base"].removeprefix("http://").split(":")
    for payload in (b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"POST /api/stories HTTP/1.1\r\n"
                    b"Host: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc"):
        with socket.create_connection((host, int(port)), timeout=5) as s:
            s.sendall(payload)  # then hang up mid-request (the last one is a TLS hello on a plain port)
    assert _alive(server["base"]) and server["proc"].poll() is None


def test_missing_database_fails_cleanly(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.robustness.webserver import REPO

    proc = subprocess.run([sys.executable, "-m", "corroborate.cli", "serve", "--db", str(tmp_path / "none.db"),
                           "--port", "1"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("corroborate: error:") and not (tmp_path / "none.db").exists()

"""A real uvicorn server over a store, from a thread on 127.0.0.1, for the browser tests and the screenshots."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.web.storefix import CONFIG

START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path, *, page_wait: float | None = None) -> Iterator[str]:
    """uvicorn on 127.0.0.1 and a free port, from a thread, over the store at ``db``; yields the base URL."""
    uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")
    from corroborate.web.app import create_app

    port = free_port()
    app = create_app(db, config=CONFIG) if page_wait is None else create_app(db, config=CONFIG, page_wait=page_wait)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            srv.should_exit = True
            pytest.fail(f"uvicorn did not start on 127.0.0.1:{port} within {START_TIMEOUT}s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=60)



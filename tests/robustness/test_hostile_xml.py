"""Hostile XML in feeds and pages: external entities (XXE) and entity expansion bombs ("billion laughs").

An external entity that the parser resolved would copy a local file (/etc/passwd, an SSH key) into an
article, and from there into reports and the web app. An entity bomb would take gigabytes. Both must be
read as inert text, quickly.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from corroborate.ingest import read_sources
from corroborate.model import Article

SECRET = "corroborate-secret-7f3a"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


def _xxe_feed(secret: Path) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
            '<rss version="2.0"><channel><title>Gazette</title><item><title>Ferry</title>'
            "<description>The ferry story: &xxe; and the rest of it.</description></item></channel></rss>\n")


def _xxe_atom(secret: Path) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>Storm</title>'
            '<content type="text">Storm report &xxe; ends here.</content></entry></feed>\n')


def _xxe_page(secret: Path) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
            "<html><body><article><p>The ferry story begins here and &xxe; continues with more words about the "
            "harbour and its boats.</p></article></body></html>\n")


def _bomb(levels: int = 10) -> str:
    entities = '<!ENTITY lol0 "lol">\n' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, levels))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{entities}]>\n<rss version="2.0"><channel><title>T</title>'
            f"<item><title>X</title><description>&lol{levels - 1}; ferry news</description></item></channel></rss>\n")


@pytest.mark.parametrize(("name", "make"), [("xxe.rss", _xxe_feed), ("xxe.atom", _xxe_atom),
                                            ("xxe.html", _xxe_page), ("xxe.xhtml", _xxe_page),
                                            ("xxe.xml", _xxe_feed)])
def test_external_entities_are_not_resolved(tmp_path: Path, secret_file: Path, name: str, make) -> None:
    path = tmp_path / name
    path.write_text(make(secret_file), encoding="utf-8")
    items = list(read_sources([path]))
    assert items
    for item in items:
        text = item.text if isinstance(item, Article) else item.error
        assert SECRET not in text and SECRET not in (getattr(item, "title", None) or "")


def test_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.rss"
    path.write_text(_bomb(), encoding="utf-8")  # 10^9 "lol"s if expanded: 3 GB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    items = list(read_sources([path]))
    assert time.process_time() - started < 10
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200
    for item in items:
        if isinstance(item, Article):
            assert len(item.text) < 10_000

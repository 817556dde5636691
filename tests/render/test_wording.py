"""Plain words on the pages: conflict kinds, entity types, percentages, safe links, full outlet names."""

from __future__ import annotations

from corroborate.crosscheck.findings import short
from corroborate.render.wording import conflict_kind, entity_type, full_outlets, how_checked, percent, web_link


def test_labels() -> None:
    assert conflict_kind("number") == "different numbers" and conflict_kind("new-kind") == "new-kind"
    assert entity_type("PER") == "person" and entity_type("LOC") == "place" and entity_type("EVENT") == "event"
    assert percent(0.856) == "86%" and percent(None) == ""


def test_only_web_urls_become_links() -> None:
    assert web_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/etc/passwd", "https://", "http://[::1", None, ""):
        assert web_link(bad) is None, bad


def test_outlet_names_shortened_by_explanations_are_written_out() -> None:
    outlets = ["Harbour Gazette Weekly", "Island Herald Tribune", "Coast Wire", "Island Herald Tribunal",
               "articles.latimes.com", "bigstory.ap.org"]
    text = (f"passengers: 212 ({short('Harbour Gazette Weekly')}) vs 221 ({short('Island Herald Tribune')}; "
            f"{short('articles.latimes.com')}) vs 230 ({short('bigstory.ap.org')}, spun rewrite)")
    assert "…" in text and "(latimes)" not in text
    out = full_outlets(text, outlets)
    assert "(Harbour Gazette Weekly)" in out and "; articles.latimes.com)" in out and "(bigstory.ap.org," in out
    assert short("Island Herald Tribune") in out  # two outlets shorten to "Island Heral…": left as it is
    assert full_outlets("Coast Wire says so", outlets) == "Coast Wire says so"
    assert full_outlets("a gap in the apron (ap)", outlets) == "a gap in the apron (bigstory.ap.org)"


def test_how_checked_names_no_internal_setting() -> None:
    lexical = " ".join(how_checked({"alignment": "lexical", "nlp": "corroborate-en 0.1", "engine": "local"}))
    assert "shared wording" in lexical and "lexical" not in lexical and "engine" not in lexical
    assert "all-MiniLM-L6-v2" in " ".join(how_checked({"alignment": "all-MiniLM-L6-v2"}))

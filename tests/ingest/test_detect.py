"""Bytes → text: binary sniffing, BOMs, legacy encodings, and format sniffing for unlabelled input."""

from __future__ import annotations

import codecs
import io
import random
import zipfile

import pytest

from corroborate.errors import InputFormatError
from corroborate.ingest.detect import decode, sniff_binary, sniff_format

# A tiny but valid PNG header and IHDR chunk: enough for the magic number.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("story.txt", "The ferry sailed at noon.")
    return buf.getvalue()


def test_plain_utf8() -> None:
    text, encoding = decode("Harbour reopens — “at last”, says mayor.\n".encode())
    assert (text, encoding) == ("Harbour reopens — “at last”, says mayor.\n", "utf-8")


def test_utf8_bom_is_dropped() -> None:
    text, encoding = decode(codecs.BOM_UTF8 + b"Tide tables printed.")
    assert (text, encoding) == ("Tide tables printed.", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, encoding = decode(bom + "Crew of the Gull rescued off the point.".encode(codec))
    assert text == "Crew of the Gull rescued off the point."
    assert encoding == "utf-16"


def test_utf16_without_bom_is_not_mistaken_for_binary() -> None:
    text, encoding = decode("Storm warning lifted for the coast.".encode("utf-16-le"))
    assert text == "Storm warning lifted for the coast."
    assert encoding == "utf-16-le"


def test_latin1_french_decodes_as_cp1252_not_cp1250() -> None:
    # charset-normalizer alone calls this cp1250 and garbles "très" into "trčs".
    original = "Le café était très chaud à Noël, dit-il. Les élèves ont mangé des crêpes.\n"
    text, encoding = decode(original.encode("latin-1"))
    assert text == original
    assert encoding == "cp1252"


def test_cp1252_curly_quotes() -> None:
    original = "The harbour master said the hull was “sound” — and nobody was hurt.\n"
    text, encoding = decode(original.encode("cp1252"))
    assert text == original
    assert encoding == "cp1252"


def test_invalid_utf8_is_decoded_not_refused() -> None:
    data = b"The caf\xe9 on the quay reopened at 9am, the owner said.\n"
    text, encoding = decode(data)
    assert "café" in text
    assert encoding != "utf-8"


def test_cyrillic_legacy_encoding_is_trusted() -> None:
    original = ("Паром сел на мель у берега ночью. Спасатели эвакуировали всех пассажиров, "
                "двое членов экипажа получили травмы.\n")
    text, encoding = decode(original.encode("cp1251"))
    assert text == original, encoding


@pytest.mark.parametrize(("data", "name"), [
    (PNG, "PNG image"),
    (_zip_bytes(), "zip archive"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
])
def test_binary_formats_are_named(data: bytes, name: str) -> None:
    assert sniff_binary(data) == name
    with pytest.raises(InputFormatError, match=name):
        decode(data)


def test_random_bytes_are_binary() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(InputFormatError, match="binary"):
        decode(data)


def test_random_bytes_without_nul_are_binary() -> None:
    # No NUL to give them away: the control-character share has to.
    data = bytes(b for b in random.Random(11).randbytes(4096) if b)
    with pytest.raises(InputFormatError, match="control characters"):
        decode(data)


def test_error_messages_are_one_line() -> None:
    for data in (PNG, _zip_bytes(), random.Random(3).randbytes(512)):
        with pytest.raises(InputFormatError) as info:
            decode(data)
        assert "\n" not in str(info.value)


@pytest.mark.parametrize(("text", "kind"), [
    ("<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "feed"),
    ("<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("\n  <html><body>x</body></html>", "html"),
    ("<p>Just a paragraph.</p>", "html"),
    ("<?xml version='1.0'?><config><a>1</a></config>", "feed"),
    ('{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    ("The ferry sailed at noon.\n", "text"),
    ("Title: Ferry sails\n\nThe ferry sailed.", "text"),
])
def test_sniff_format(text: str, kind: str) -> None:
    assert sniff_format(text) == kind


def test_greek_legacy_encoding_is_trusted() -> None:
    original = ("Το πλοίο προσάραξε στα βράχια κοντά στο λιμάνι τη Δευτέρα το βράδυ. "
                "Όλοι οι επιβάτες μεταφέρθηκαν με ασφάλεια στην ξηρά.\n")
    text, encoding = decode(original.encode("cp1253"))
    assert text == original, encoding

"""Readers for the evaluation datasets, each in its original published format.

Every reader takes a path and returns plain rows; the format is detected from the name, the extension and
the content (:func:`detect_format`), and can be forced. A file that cannot be read raises
:class:`~corroborate.errors.InputFormatError` with a one-line reason; the caller names the file.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.errors import InputFormatError


@dataclass(slots=True, frozen=True)
class PairRow:
    """One labelled pair. ``label`` is the task's gold: "1"/"0" (paraphrase, consistency) or an NLI class."""

    a: str
    b: str
    label: str
    group: str = ""  # rows that share a source (same article) share a group
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class ClusterDoc:
    """One document of a clustering dataset, with its gold cluster label."""

    id: str
    text: str
    gold: str
    title: str | None = None
    published: str | None = None
    outlet: str = ""
    url: str | None = None
    split: str = ""


# task -> format names it accepts
TASK_FORMATS: dict[str, tuple[str, ...]] = {
    "stories": ("ecbplus", "basil", "clust-mcms"),
    "paraphrase": ("mrpc",),
    "contradiction": ("sick", "breaking-nli", "mnli", "mnli-contradicting", "fever"),
    "consistency": ("summedits", "frank", "falke", "qags"),
}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputFormatError(f"line {n} is not JSON: {exc.msg}") from exc
    return rows


def _tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line (quotes are text: SICK and MNLI sentences contain them)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _json(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        # The Clust-McMs release has trailing commas (see its SOURCE.md); tolerate exactly that.
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text))
        except json.JSONDecodeError as exc:
            raise InputFormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        return fh.readline()


def detect_format(path: Path) -> str:
    """Name the dataset format of ``path`` from its name and content."""
    if not path.exists():
        raise InputFormatError("no such file or directory")
    if path.is_dir():
        if (path / "articles").is_dir() or any(path.glob("*/*.json")) or any(path.glob("*.json")):
            probe = next(iter(sorted(path.rglob("*.json"))), None)
            if probe is not None and "triplet-uuid" in _json(probe):
                return "basil"
        raise InputFormatError("directory is not a BASIL folder (articles/<year>/*.json with triplet-uuid)")
    name = path.name.lower()
    first = _first_line(path)
    if name.endswith(".jsonl"):
        try:
            keys = set(json.loads(first))
        except (json.JSONDecodeError, TypeError) as exc:
            raise InputFormatError("first line is not a JSON object") from exc
        for fmt, need in (("ecbplus", {"subtopic", "sentences"}), ("breaking-nli", {"sentence1", "category"}),
                          ("fever", {"claim", "label"}), ("frank", {"article", "summary", "Factuality"}),
                          ("qags", {"article", "summary_sentences"})):
            if need <= keys:
                return fmt
        raise InputFormatError(f"unknown JSONL dataset (fields: {', '.join(sorted(keys)[:8])})")
    if name.endswith(".json"):
        data = _json(path)
        if isinstance(data, dict) and {"articles", "clusters"} <= set(data):
            return "clust-mcms"
        if isinstance(data, dict) and "triplet-uuid" in data:
            return "basil"
        if isinstance(data, list) and data and isinstance(data[0], dict):
            keys = set(data[0])
            if {"doc", "summary", "label"} <= keys:
                return "summedits"
            if {"article_sent", "correct_sent", "incorrect_sent"} <= keys:
                return "falke"
        if isinstance(data, dict) and data and all(isinstance(v, dict) and "sents" in v for v in data.values()):
            raise InputFormatError("Falke summary-level file has no article text; use val_sentence_pairs.json")
        raise InputFormatError("unknown JSON dataset")
    cols = first.rstrip("\r\n").split("\t")
    if cols[:2] == ["pair_ID", "sentence_A"]:
        return "sick"
    if cols[:3] == ["index", "premise", "hypothesis"]:
        return "mnli"
    if len(cols) == 5 and cols[0] in {"0", "1"} and cols[1].isdigit():
        return "mrpc"
    if cols[0].startswith("Quality") and len(cols) == 5:
        return "mrpc"
    if len(cols) == 3 and cols[2].strip() in {"contradiction", "entailment", "neutral"}:
        return "mnli-contradicting"
    raise InputFormatError("unknown dataset format (use --format)")


# ---- clustering -------------------------------------------------------------------------------------

def read_ecbplus(path: Path) -> list[ClusterDoc]:
    docs = []
    for r in _jsonl(path):
        try:
            sents = [s["text"] for s in sorted(r["sentences"], key=lambda s: s["sent_id"])]
            if r.get("source_url") and sents:
                sents = sents[1:]  # sentence 0 of ecbplus documents is the tokenised source URL, not text
            docs.append(ClusterDoc(str(r["doc_id"]), " ".join(sents), str(r["subtopic"]), url=r.get("source_url"),
                                  split=str(r.get("split_cybulska_vossen", ""))))
        except (KeyError, TypeError) as exc:
            raise InputFormatError(f"ECB+ record without {exc}") from exc
    return docs


def _basil_doc(data: dict[str, Any], fallback_id: str) -> ClusterDoc:
    paragraphs = data.get("body-paragraphs") or []
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    # The file name (<triplet-uuid>_<k>) is the unique id: a few articles share a ``uuid`` value.
    return ClusterDoc(fallback_id, text, str(data["triplet-uuid"]),
                      title=data.get("title"), published=data.get("date"), outlet=str(data.get("source", "")),
                      url=data.get("url"))


def read_basil(path: Path) -> list[ClusterDoc]:
    files = [path] if path.is_file() else sorted((path / "articles").rglob("*.json") if (path / "articles").is_dir()
                                                else path.rglob("*.json"))
    docs = []
    for f in files:
        if f.name.endswith("_ann.json"):
            continue
        data = _json(f)
        if "triplet-uuid" not in data:
            raise InputFormatError(f"{f.name} has no triplet-uuid")
        docs.append(_basil_doc(data, f.stem))
    return docs


def clust_mcms_catchall(labels: list[Any], *, min_size: int = 20) -> Any | None:
    """The catch-all label of a Clust-McMs file, if any: by far the largest one (SOURCE.md: 53 of 209 in dev,
    109 of 426 in test, while real clusters have 1-16 articles). Needs >= ``min_size`` and 2x the runner-up."""
    counts = Counter(labels).most_common(2)
    if not counts:
        return None
    top, size = counts[0]
    second = counts[1][1] if len(counts) > 1 else 0
    return top if size >= min_size and size >= 2 * second else None


def read_clust_mcms(path: Path, *, keep_catchall: bool = False) -> list[ClusterDoc]:
    data = _json(path)
    if not isinstance(data, dict) or len(data.get("articles", [])) != len(data.get("clusters", [None])):
        raise InputFormatError("expected {'articles': [...], 'clusters': [...]} of equal length")
    drop = None if keep_catchall else clust_mcms_catchall(data["clusters"])
    docs = []
    for art, label in zip(data["articles"], data["clusters"], strict=True):
        if drop is not None and label == drop:
            continue
        text = " ".join(s["content"] for s in sorted(art["sentences"], key=lambda s: s["SID"]))
        docs.append(ClusterDoc(str(art["ID"]), text, str(label), title=art.get("title"),
                               published=art.get("publish_date")))
    return docs


MRPC_SEED = 13


def mrpc_split(n: int, *, seed: int = MRPC_SEED, held_out: float = 0.2) -> tuple[list[int], list[int]]:
    """Indices of (training, held-out) rows of an MRPC train file: a seeded shuffle. ``train/pairs.py`` fits the
    paraphrase head on the first part only; ``corroborate eval paraphrase --split heldout`` scores the second."""
    import random

    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    cut = int(n * held_out)
    return sorted(idx[cut:]), sorted(idx[:cut])


# ---- pairs ------------------------------------------------------------------------------------------

def read_mrpc(path: Path) -> list[PairRow]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for n, line in enumerate(fh, 1):
            cols = line.rstrip("\r\n").split("\t")
            if n == 1 and cols[0].startswith("Quality"):
                continue
            if len(cols) != 5 or cols[0] not in {"0", "1"}:
                raise InputFormatError(f"line {n}: expected 5 tab-separated columns starting with 0/1")
            rows.append(PairRow(cols[3], cols[4], cols[0], meta={"id1": cols[1], "id2": cols[2]}))
    return rows


def read_sick(path: Path) -> list[PairRow]:
    rows = []
    for r in _tsv(path):
        label = (r.get("entailment_label") or "").strip().upper()
        if label not in {"ENTAILMENT", "NEUTRAL", "CONTRADICTION"}:
            raise InputFormatError(f"pair {r.get('pair_ID')}: unknown label {label!r}")
        rows.append(PairRow(r["sentence_A"], r["sentence_B"], label,
                            meta={"id": r["pair_ID"], "split": (r.get("SemEval_set") or "").strip()}))
    return rows


def read_breaking_nli(path: Path) -> list[PairRow]:
    return [PairRow(r["sentence1"], r["sentence2"], r["gold_label"].upper(),
                    meta={"id": str(r.get("pairID", "")), "category": r.get("category", "")}) for r in _jsonl(path)]


def read_mnli(path: Path) -> list[PairRow]:
    rows = []
    for r in _tsv(path):
        label = (r.get("gold_label") or "").strip().upper()
        if label not in {"ENTAILMENT", "NEUTRAL", "CONTRADICTION"}:
            continue  # the "-" (no consensus) label has no gold
        rows.append(PairRow(r["premise"], r["hypothesis"], label, meta={"id": r.get("index", "")}))
    return rows


def read_mnli_contradicting(path: Path) -> list[PairRow]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for n, line in enumerate(fh, 1):
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != 3:
                raise InputFormatError(f"line {n}: expected premise, hypothesis, label")
            rows.append(PairRow(cols[0].strip(), cols[1].strip(), cols[2].strip().upper()))
    return rows


def read_fever(path: Path) -> list[PairRow]:
    rows = []
    for r in _jsonl(path):
        evidence = r.get("evidence") or r.get("evidence_sentence") or r.get("sentence1")
        label = str(r.get("gold_label") or r.get("label") or "").upper()
        if evidence is None or label not in {"SUPPORTS", "REFUTES"}:
            raise InputFormatError(f"FEVER record {r.get('id')} lacks evidence or a SUPPORTS/REFUTES label")
        # REFUTES is the conflict class; SUPPORTS maps to entailment.
        rows.append(PairRow(evidence, r["claim"], "CONTRADICTION" if label == "REFUTES" else "ENTAILMENT",
                            meta={"id": str(r.get("id", ""))}))
    return rows


def read_summedits(path: Path) -> list[PairRow]:
    return [PairRow(r["doc"], r["summary"], str(r["label"]), group=str(r["id"]).split("_")[0],
                    meta={"id": str(r["id"]), "split": str(r.get("split", ""))}) for r in _json(path)]


def read_frank(path: Path) -> list[PairRow]:
    return [PairRow(r["article"], r["summary"], str(int(float(r["label_binary_consistent"]))), group=r["hash"],
                    meta={"dataset": r.get("dataset", ""), "split": r.get("split", ""),
                          "model": r.get("model_name", "")}) for r in _jsonl(path)]


def read_falke(path: Path) -> list[PairRow]:
    rows = []
    for r in _json(path):
        group = f"{r['article_id']}:{r['correct_sent_id']}:{r['incorrect_sent_id']}"
        rows.append(PairRow(r["article_sent"], r["correct_sent"], "1", group=group))
        rows.append(PairRow(r["article_sent"], r["incorrect_sent"], "0", group=group))
    return rows


def read_qags(path: Path) -> list[PairRow]:
    rows = []
    for i, r in enumerate(_jsonl(path)):
        for s in r["summary_sentences"]:
            yes = sum(x["response"] == "yes" for x in s["responses"])
            # Majority of the (three) workers, as in the QAGS paper.
            rows.append(PairRow(r["article"], s["sentence"], "1" if 2 * yes > len(s["responses"]) else "0",
                                group=str(i)))
    return rows


READERS: dict[str, Callable[[Path], list[Any]]] = {
    "ecbplus": read_ecbplus, "basil": read_basil, "clust-mcms": read_clust_mcms,
    "mrpc": read_mrpc, "sick": read_sick, "breaking-nli": read_breaking_nli, "mnli": read_mnli,
    "mnli-contradicting": read_mnli_contradicting, "fever": read_fever,
    "summedits": read_summedits, "frank": read_frank, "falke": read_falke, "qags": read_qags,
}


def read(path: str | Path, *, task: str, fmt: str | None = None) -> tuple[str, list[Any]]:
    """Read ``path`` as a dataset for ``task``; returns (format name, rows)."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in TASK_FORMATS[task]:
        raise InputFormatError(f"format {fmt} is not a {task} dataset (expected {', '.join(TASK_FORMATS[task])})")
    try:
        rows = READERS[fmt](path)
    except InputFormatError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, UnicodeDecodeError) as exc:
        raise InputFormatError(f"not a valid {fmt} file: {type(exc).__name__}: {exc}") from exc
    except OSError as exc:
        raise InputFormatError(f"cannot read: {exc.strerror or exc}") from exc
    if not rows:
        raise InputFormatError(f"no {fmt} rows found")
    return fmt, rows

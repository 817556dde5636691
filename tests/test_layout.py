"""The layout's rules, checked on the source tree (docs/WHERE.md describes the tree)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SRC = REPO / "src" / "corroborate"
MAX_LINES = 410  # "about 400": the store's two largest modules sit just above it
MAX_WORDS = 12
# Literal lists of more than a dozen strings that are not word lists: HTML tag names, NER label maps,
# dataset and score keys, a quote-character translation table, header field names, feature names, the package's
# public names (__all__).
NOT_WORD_LISTS = {
    ("__init__.py", "Article"),
    ("ingest/html.py", "script"), ("ingest/html.py", "p"), ("attribution/mentions.py", "PER"),
    ("eval/cli.py", "n"), ("eval/datasets.py", "ecbplus"), ("eval/pairs.py", "jaccard"),
    ("ingest/text.py", "title"), ("repeats/fingerprint.py", "‘"),
}
STAGE_MODULES = ("ingest/clean.py", "ingest/segment.py", "repeats/find.py", "stories/cluster.py",
                 "crosscheck/core.py", "attribution/entities.py", "attribution/quotes.py",
                 "attribution/misquotes.py", "crosscheck/timeline.py")


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        out[".".join(rel.parts).removesuffix(".__init__")] = path
    return out


def _rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def test_no_module_is_over_about_400_lines():
    long = {_rel(p): n for p in SRC.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long


def test_only_the_store_imports_sqlite3():
    offenders = []
    for path in SRC.rglob("*.py"):
        if _rel(path).startswith("store/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] == "sqlite3" for n in names):
                offenders.append(_rel(path))
    assert not offenders


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.values):
        # A lookup table of constants ("two" -> 2); a dict of computed values is a record, not a list.
        return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return node.func.value.value.split()
    return []


def test_word_lists_live_in_the_text_layer():
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = _rel(path)
        if rel.startswith("text/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            words = _strings(node)
            if len(words) > MAX_WORDS and (rel, words[0]) not in NOT_WORD_LISTS:
                offenders.append(f"{rel}:{node.lineno} ({len(words)} words from {words[0]!r})")
    assert not offenders


def test_no_import_cycles():
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("corroborate"):
                subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                graph[name] |= subs
                # "from pkg import submodule" runs pkg/__init__ first but is not a dependency on it.
                if node.module in modules and len(subs) < len(node.names):
                    graph[name].add(node.module)
            elif isinstance(node, ast.Import):
                graph[name] |= {a.name for a in node.names} & modules.keys()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles


def test_every_story_stage_says_what_it_needs_and_adds():
    for rel in STAGE_MODULES:
        doc = ast.get_docstring(ast.parse((SRC / rel).read_text(encoding="utf-8"))) or ""
        line = next((x for x in doc.splitlines() if x.startswith("Stage")), "")
        assert "needs" in line and "adds" in line, rel


def test_importing_corroborate_loads_no_heavy_dependency():
    heavy = "('torch', 'dask', 'spacy', 'sqlite3')"
    code = f"import corroborate, sys; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

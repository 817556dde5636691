"""JSON Lines: one line per story, for pipelines that stream results (``check -f jsonl``).

Each line is one JSON object, in the story order of the report (deterministic: the same input gives the same
bytes)::

    {"version": 1, "id": "s1", "articles": [{"id", "outlet", "title", "published", "path"}, ...],
     "independent_sources": 3, "statements": [...], "conflicts": [...], "brief": [...], "quotes": [...],
     "entities": [...], "timeline": [...]}

``statements`` to ``timeline`` are the story's fields of the JSON contract (``--format json``), with the same
spans (each carries its text, so a line stands alone). ``articles`` names the story's articles without their
text; ``independent_sources`` is the story header's count (crosscheck.independence). Input errors are not
lines: they go to stderr and the exit status, as with every format.
"""

from __future__ import annotations

import json
from typing import Any

from corroborate.model import Report, Story, to_json
from corroborate.render.common import independent_sources

ARTICLE_FIELDS = ("id", "outlet", "title", "published", "path")


def story_line(report: Report, story: Story) -> dict[str, Any]:
    by_id = {a.id: a for a in report.articles}
    data = to_json(story)
    articles = [{f: getattr(by_id[a], f) for f in ARTICLE_FIELDS} if a in by_id else {"id": a}
                for a in story.articles]
    line: dict[str, Any] = {"version": report.version, "id": data.pop("id")}
    data.pop("articles")
    line["articles"] = articles
    line["independent_sources"] = independent_sources(report, story.articles)
    line.update(data)
    return line


def render(report: Report) -> str:
    return "".join(json.dumps(story_line(report, s), ensure_ascii=False, separators=(",", ":")) + "\n"
                   for s in report.stories)

"""Pydantic models of the web API's documents, for its OpenAPI schema (pydantic comes with FastAPI)."""

from __future__ import annotations

from typing import Any


def models() -> tuple[Any, Any]:
    from pydantic import BaseModel, Field

    class StorySummaryModel(BaseModel):
        id: str
        title: str | None
        articles: list[str] = Field(description="article ids, chronological (undated last)")
        outlets: list[str]
        first_published: str | None
        last_published: str | None
        independent_sources: int | None = Field(
            default=None, description="independent sources (copies and one outlet's articles count once); null "
            "until the story's cross-check has run")
        conflicts: int | None = Field(default=None, description="conflicts found; null until the cross-check has run")
        top_confidence: float | None = Field(default=None, description="confidence of the most confident conflict")
        match: str | None = Field(default=None, description="with q: the matching passage (\\u0002 and \\u0003 "
                                  "around the matching words)")
        match_in: str | None = Field(default=None, description="with q: title, text or statement")

    class StoryListModel(BaseModel):
        version: int
        total: int = Field(description="stories matching, before limit and offset")
        stories: list[StorySummaryModel]

    class ArticleModel(BaseModel):
        id: str
        outlet: str
        title: str | None
        published: str | None
        path: str | None
        text: str
        url: str | None = None
        story: str | None = Field(default=None, description="id of the story the article belongs to")

    return StoryListModel, ArticleModel

"""The local web app: story list with search, story pages, article pages, and a JSON API over the store.

Pages are drawn from the same view model and Jinja2 partials as the HTML report
(:mod:`corroborate.render.html`); the JSON API returns the documents of the command line
(``check --format json`` restricted to one story, ``stories --json``). Nothing is taken from a request
but ids, which must match :data:`ID_PATTERN` (so a request can never name a file), a search text and a date.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from corroborate import __version__
from corroborate.config import Config
from corroborate.errors import CorroborateError, require
from corroborate.model import SCHEMA_VERSION, to_json
from corroborate.render import html as html_render
from corroborate.render.json import as_dict
from corroborate.web.security import MAX_BODY, BodyLimit, SecurityHeaders

#: Article ids are content hashes and story ids look like ``s12``: letters, digits, ``-`` and ``_`` only.
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
#: Hosts the app answers to by default: a page on another name (DNS rebinding) cannot read the API.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
#: Stories per page of the story list (the API takes ``limit``).
PAGE_SIZE = 100


def _summary_dict(s: Any) -> dict[str, Any]:
    # The shape of `corroborate stories --json`, one object per story.
    return {"id": s.id, "title": s.title, "articles": s.articles, "outlets": s.outlets,
            "first_published": s.first_published, "last_published": s.last_published}


def _models() -> tuple[Any, Any]:
    """Pydantic models of the API documents, for the OpenAPI schema (pydantic comes with FastAPI)."""
    from pydantic import BaseModel, Field

    class StorySummaryModel(BaseModel):
        id: str
        title: str | None
        articles: list[str] = Field(description="article ids, chronological (undated last)")
        outlets: list[str]
        first_published: str | None
        last_published: str | None

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


def create_app(db: str | Path, *, config: Config | None = None, allowed_hosts: list[str] | None = None,
               max_body: int = MAX_BODY) -> Any:
    """The FastAPI app over the store at ``db`` (which must exist: the app never creates a database).

    ``allowed_hosts``: Host header values to answer (default: the loopback names); ``["*"]`` answers any.
    """
    fastapi = require("fastapi", "web", purpose="the web app")
    from fastapi import HTTPException, Query, Request
    from fastapi import Path as PathParam
    from fastapi.responses import HTMLResponse, JSONResponse
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from corroborate.store import Store, StoreError

    db_path = Path(db)
    if not db_path.is_file():
        raise StoreError(f"{db_path}: no such database; create it with `corroborate add PATH --db {db_path}`")
    store = Store(db_path, config=config or Config())
    env = html_render.environment(article_href=lambda col: "/articles/" + quote(col.article.id, safe=""),
                                  story_href=lambda sid: "/stories/" + quote(sid, safe=""))
    StoryListModel, ArticleModel = _models()

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        store.close()

    app = fastapi.FastAPI(title="corroborate", version=__version__, lifespan=lifespan,
                          description="Cross-checked news stories from a corroborate store. The story documents "
                          "follow the JSON contract of `corroborate check --format json`.",
                          docs_url=None, redoc_url=None)  # the docs pages load scripts from a CDN: not here
    app.state.store = store
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)  # outermost of these: its headers reach every response above
    app.mount("/static", StaticFiles(packages=[("corroborate.web", "static")]), name="static")

    StoryId = PathParam(pattern=ID_PATTERN, description="story id, e.g. s12")
    ArticleId = PathParam(pattern=ID_PATTERN, description="article id (content hash)")

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi", "/static/"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if wants_html(request):
            return page("app_error.html", exc.status_code, title=f"{exc.status_code}", message=str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(CorroborateError)
    async def corroborate_error(request: Request, exc: CorroborateError) -> Any:
        # A store or pipeline failure the user can act on (a locked or full database, a missing extra).
        if wants_html(request):
            return page("app_error.html", 503, title="Cannot answer now", message=str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def story_report(story_id: str) -> tuple[Any, Any]:
        summary = store.story(story_id)
        if summary is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return summary, store.story_report(story_id)

    def stories_or_400(q: str | None, since: str | None) -> list[Any]:
        try:
            return store.stories(since=since or None, query=q or None)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc

    # -- pages -------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(q: str | None = Query(None, max_length=200), since: str | None = Query(None, max_length=40),
              offset: int = Query(0, ge=0)) -> Any:
        stories = stories_or_400(q, since)
        shown = stories[offset:offset + PAGE_SIZE]
        more = offset + PAGE_SIZE < len(stories)
        return page("app_index.html", stories=shown, total=len(stories), offset=offset, more=more,
                    next_offset=offset + PAGE_SIZE, q=q or "", since=since or "", counts=store.count())

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str = StoryId) -> Any:
        summary, report = story_report(story_id)
        return page("app_story.html", summary=summary, report=report, views=html_render.story_views(report))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str = ArticleId) -> Any:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        story_id = store.story_of(article_id)
        near = [(store.article(other), share) for other, share in store.near_duplicates(article_id)]
        return page("app_article.html", article=article, story=store.story(story_id) if story_id else None,
                    near=[(a, s) for a, s in near if a is not None])

    # -- JSON API ----------------------------------------------------------------------------------
    @app.get("/api/stories", response_model=StoryListModel, summary="List stories, most recently updated first")
    def api_stories(q: str | None = Query(None, max_length=200, description="text in a title"),
                    since: str | None = Query(None, max_length=40, description="date, e.g. 2025-03-04"),
                    limit: int = Query(1000, ge=1, le=10_000), offset: int = Query(0, ge=0)) -> Any:
        stories = stories_or_400(q, since)
        return {"version": SCHEMA_VERSION, "total": len(stories),
                "stories": [_summary_dict(s) for s in stories[offset:offset + limit]]}

    @app.get("/api/stories/{story_id}", summary="The cross-check of one story (the `check --format json` document)",
             response_model=dict[str, Any])
    def api_story(story_id: str = StoryId) -> Any:
        _summary, report = story_report(story_id)
        return JSONResponse(as_dict(report))

    @app.get("/api/articles/{article_id}", response_model=ArticleModel, summary="One stored article")
    def api_article(article_id: str = ArticleId) -> Any:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return {**to_json(article), "story": store.story_of(article_id)}

    return app

"""The local web app: story list with search, story pages, article pages, and a JSON API over the store.

Pages are drawn from the same view model and Jinja2 partials as the HTML report
(:mod:`corroborate.render.html`); the JSON API returns the documents of the command line
(``check --format json`` restricted to one story, ``stories --json`` with the list's counts), and a story's
conflicts and statements as CSV or JSON downloads. Nothing is taken from a request but ids, which must match
:data:`ID_PATTERN` (so a request can never name a file), a search text, a date, an outlet name, counts and a
sort order from a fixed list.

Search is full-text over the articles and the statements of cross-checked stories (:mod:`corroborate.store.search`).
A story page whose cross-check is not cached waits :data:`PAGE_WAIT` seconds for it, then shows a loading page
while :class:`~corroborate.web.worker.ReportWorker` finishes it in the background.
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
from corroborate.web.schema import models
from corroborate.web.security import MAX_BODY, BodyLimit, SecurityHeaders

#: Article ids are content hashes and story ids look like ``s12``: letters, digits, ``-`` and ``_`` only.
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
#: Hosts the app answers to by default: a page on another name (DNS rebinding) cannot read the API.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
#: Stories per page of the story list (the API takes ``limit``).
PAGE_SIZE = 100
#: Seconds a story page waits for a cross-check that is not cached before it shows the loading page.
PAGE_WAIT = 0.5
#: Seconds between reloads of the loading page.
RELOAD_SECONDS = 2
#: Sort orders of the story list, as the page names them.
SORTS = {"updated": "newest", "conflicts": "most conflicts", "sources": "most independent sources",
         "outlets": "most outlets", "articles": "most articles", "oldest": "oldest"}
EXPORT_PATTERN = r"^(conflicts|statements)\.(csv|json)$"


def _row_dict(row: Any) -> dict[str, Any]:
    # The shape of `corroborate stories --json`, one object per story, plus the list's counts and search match.
    d = row.digest
    return {"id": row.id, "title": row.title, "articles": row.articles, "outlets": row.outlets,
            "first_published": row.first_published, "last_published": row.last_published,
            "independent_sources": d.independent if d else None, "conflicts": d.conflicts if d else None,
            "top_confidence": d.top_confidence if d else None, "match": row.match or None,
            "match_in": row.match_where or None}


def snippet(text: str) -> Any:
    """A search snippet as markup: escaped, with the matching words in <mark> (search.OPEN/CLOSE markers)."""
    from markupsafe import Markup, escape

    from corroborate.store.search import CLOSE, OPEN

    if text.count(OPEN) != text.count(CLOSE):
        text = text.replace(OPEN, "").replace(CLOSE, "")
    return Markup(str(escape(text)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def create_app(db: str | Path, *, config: Config | None = None, allowed_hosts: list[str] | None = None,
               max_body: int = MAX_BODY, page_wait: float = PAGE_WAIT) -> Any:
    """The FastAPI app over the store at ``db`` (which must exist: the app never creates a database).

    ``allowed_hosts``: Host header values to answer (default: the loopback names); ``["*"]`` answers any.
    ``page_wait``: seconds a story page waits for a cross-check before it shows the loading page.
    """
    fastapi = require("fastapi", "web", purpose="the web app")
    from fastapi import HTTPException, Query, Request
    from fastapi import Path as PathParam
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from corroborate.store import Store, StoreError
    from corroborate.store.views import StoredReports
    from corroborate.web import export
    from corroborate.web.worker import ReportWorker

    db_path = Path(db)
    if not db_path.is_file():
        raise StoreError(f"{db_path}: no such database; create it with `corroborate add PATH --db {db_path}`")
    store = Store(db_path, config=config or Config())
    reads = StoredReports(store)
    worker = ReportWorker(store, reads)
    env = html_render.environment(
        article_href=lambda col: "/articles/" + quote(col.article.id, safe=""),
        story_href=lambda sid: "/stories/" + quote(sid, safe=""),
        export_href=lambda sid, table, fmt: f"/api/stories/{quote(sid, safe='')}/{table}.{fmt}")
    env.filters["snippet"] = snippet
    env.filters["dict_merge"] = lambda base, extra: {**base, **extra}
    StoryListModel, ArticleModel = models()

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        worker.close()
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

    def report_of(story_id: str, wait: float | None) -> Any:
        try:
            return worker.get(story_id, wait=wait)
        except KeyError:
            raise HTTPException(404, f"no story {story_id!r}") from None

    def listing(q: str | None, since: str | None, sort: str | None, outlet: str | None, conflicts: str | None,
                sources: str | None, limit: int, offset: int) -> tuple[Any, str]:
        """The story list's page, and the sort it used (best match first when searching, else newest)."""
        sort = sort or ("relevance" if q else "updated")
        try:
            if since:
                from corroborate.ingest.common import iso_date

                since = iso_date(since) or ""
                if not since:
                    raise ValueError("since must be a date such as 2025-03-04")
            hits = reads.search(q) if q else None
            found = reads.listing(sort=sort, since=since or None, outlet=outlet or None,
                                  ranked=[h.story_id for h in hits] if hits is not None else None,
                                  min_conflicts=int(conflicts) if conflicts else None,
                                  min_sources=int(sources) if sources else None, limit=limit, offset=offset)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
        by_story = {h.story_id: h for h in hits or []}
        for row in found.rows:
            if row.id in by_story:
                row.match, row.match_where = by_story[row.id].snippet, by_story[row.id].where
        return found, sort

    ListQuery = {"q": Query(None, max_length=200, description="words in an article's title or text, or in a "
                            "statement of a cross-checked story (full text)"),
                 "since": Query(None, max_length=40, description="date, e.g. 2025-03-04"),
                 "sort": Query(None, max_length=20, description="updated (default), oldest, conflicts, sources, "
                               "outlets, articles; relevance with q (its default)"),
                 "outlet": Query(None, max_length=200, description="only stories with an article of this outlet"),
                 # Counts come as text: the page's form sends "" for "any".
                 "conflicts": Query(None, pattern=r"^\d{0,5}$", description="only stories with at least this "
                                    "many conflicts"),
                 "sources": Query(None, pattern=r"^\d{0,5}$", description="only stories with at least this many "
                                  "independent sources")}

    # -- pages -------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(q: str | None = ListQuery["q"], since: str | None = ListQuery["since"],
              sort: str | None = ListQuery["sort"], outlet: str | None = ListQuery["outlet"],
              conflicts: str | None = ListQuery["conflicts"], sources: str | None = ListQuery["sources"],
              offset: int = Query(0, ge=0)) -> Any:
        found, used = listing(q, since, sort, outlet, conflicts, sources, PAGE_SIZE, offset)
        params = {k: v for k, v in {"q": q, "since": since, "sort": sort, "outlet": outlet, "conflicts": conflicts,
                                    "sources": sources}.items() if v not in (None, "")}
        sorts = ({"relevance": "best match"} if q else {}) | SORTS
        return page("app_index.html", stories=found.rows, total=found.total, offset=offset,
                    more=offset + PAGE_SIZE < found.total, params=params, sort=used, sorts=sorts,
                    q=q or "", since=since or "", outlet=outlet or "", conflicts=int(conflicts) if conflicts else None,
                    sources=int(sources) if sources else None,
                    outlets=reads.outlets(), counts=store.count(), next_offset=offset + PAGE_SIZE,
                    filtered=bool(q or since or outlet or conflicts or sources))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str = StoryId) -> Any:
        summary = store.story(story_id)
        if summary is None:
            raise HTTPException(404, f"no story {story_id!r}")
        report = report_of(story_id, page_wait)
        if report is None:
            # 202: the cross-check was accepted and runs; the page reloads itself until it is there.
            return page("app_loading.html", 202, summary=summary, seconds=RELOAD_SECONDS)
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
    @app.get("/api/stories", response_model=StoryListModel,
             summary="List stories (newest first; full-text search, filters and sort orders as query parameters)")
    def api_stories(q: str | None = ListQuery["q"], since: str | None = ListQuery["since"],
                    sort: str | None = ListQuery["sort"], outlet: str | None = ListQuery["outlet"],
                    conflicts: str | None = ListQuery["conflicts"], sources: str | None = ListQuery["sources"],
                    limit: int = Query(1000, ge=1, le=10_000), offset: int = Query(0, ge=0)) -> Any:
        found, _sort = listing(q, since, sort, outlet, conflicts, sources, limit, offset)
        return {"version": SCHEMA_VERSION, "total": found.total, "stories": [_row_dict(r) for r in found.rows]}

    @app.get("/api/stories/{story_id}", summary="The cross-check of one story (the `check --format json` document)",
             response_model=dict[str, Any])
    def api_story(story_id: str = StoryId) -> Any:
        return JSONResponse(as_dict(report_of(story_id, None)))

    @app.get("/api/stories/{story_id}/{name}", summary="A story's conflicts or statements as CSV or JSON: "
             "conflicts.csv, conflicts.json, statements.csv, statements.json", response_class=Response)
    def api_export(story_id: str = StoryId,
                   name: str = PathParam(pattern=EXPORT_PATTERN, description="e.g. conflicts.csv")) -> Any:
        table, fmt = name.split(".")
        body, media = export.export(report_of(story_id, None), story_id, table, fmt)
        return Response(body, media_type=media,
                        headers={"content-disposition": f'attachment; filename="{story_id}-{table}.{fmt}"'})

    @app.get("/api/articles/{article_id}", response_model=ArticleModel, summary="One stored article")
    def api_article(article_id: str = ArticleId) -> Any:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return {**to_json(article), "story": store.story_of(article_id)}

    return app

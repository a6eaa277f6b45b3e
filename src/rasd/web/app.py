"""The FastAPI app: JSON API over the store, the static web app, PWA files.

``create_app(db_url)`` builds it; ``rasd serve`` runs it with uvicorn.
Endpoints are plain functions, so FastAPI runs them in its worker threads;
each thread opens its own store connection (``StorePool``). Events are the
store's fused events; the analysts' reviews are written through into them
(``rasd.web.reviews``), so every event served carries a ``review`` (null
when nobody reviewed it). Accounts and reviews work on both stores (their
SQL goes through ``rasd.fuse.backend``); the fast event pages of
``rasd.web.query`` are SQLite's, PostgreSQL pages through ``rasd.fuse.queries``.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from rasd.errors import RasdError, StoreError
from rasd.fuse import queries
from rasd.fuse.backend import Backend, backend
from rasd.store import open_store
from rasd.store.query import EventFilter
from rasd.web import auth, export, highlight, pwa, query, reviews
from rasd.web import schema as _schema  # noqa: F401  (registers the web tables' migration)
from rasd.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"
DATE = r"^\d{4}-\d{2}-\d{2}$"
MAX_POINTS = 20000
MMAP_BYTES = 1 << 30


class StorePool:
    """One open store per worker thread (SQLite connections are not shared)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[Any] = []
        self.free: list[Any] = []  # stores not lent to a request (``checkout``)
        self.get()  # open (and migrate) once up front, so errors show at start

    def get(self):
        store = getattr(self.local, "store", None)
        if store is None:
            store = open_store(self.url)
            conn = getattr(store, "conn", None)
            if isinstance(conn, sqlite3.Connection):
                # reads through the OS page cache (shared by every thread)
                # instead of each connection's small private cache
                conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
                conn.execute("PRAGMA cache_size = -16384")
            self.local.store = store
            with self.lock:
                self.opened.append(store)
        return store

    @contextlib.contextmanager
    def checkout(self):
        """A store for one request alone, given back after it. (FastAPI runs a
        request's sync dependencies and its endpoint in different worker
        threads, so a per-thread store ended up shared by two requests at
        once: one's BEGIN IMMEDIATE then ran beside the other's reads, and
        writes under load failed with "database is locked".)"""
        with self.lock:
            store = self.free.pop() if self.free else None
        if store is None:
            store = self._open()
        try:
            yield store
        finally:
            with self.lock:
                self.free.append(store)

    def _open(self):
        store = open_store(self.url)
        conn = getattr(store, "conn", None)
        if isinstance(conn, sqlite3.Connection):
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            conn.execute("PRAGMA cache_size = -16384")
        with self.lock:
            self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()
            self.free.clear()


def _conn(store) -> Backend:
    """The store's connection for accounts and reviews (SQLite or PostgreSQL)."""
    return backend(store)


def event_filter(
    date_from: str | None = Query(None, alias="from", pattern=DATE, description="YYYY-MM-DD"),
    date_to: str | None = Query(None, alias="to", pattern=DATE, description="YYYY-MM-DD"),
    country: str | None = Query(None, max_length=8, description="ISO 3166-1 alpha-2"),
    admin1: str | None = Query(None, max_length=200),
    event_type: str | None = Query(None, alias="type", max_length=100),
    sub_event_type: str | None = Query(None, alias="sub_type", max_length=100),
    actor: str | None = Query(None, max_length=200, description="actor id or name"),
    claim_status: str | None = Query(None, alias="claim", max_length=20),
    text: str | None = Query(None, max_length=500, description="full-text query"),
) -> EventFilter:
    """The query parameters of ``rasd events`` as an EventFilter."""
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=country or None,
        admin1=admin1 or None,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        claim_status=claim_status or None,
        text=text or None,
    )


def get_store(request: Request):
    """A store lent to this request alone."""
    with request.app.state.pool.checkout() as store:
        yield store


Store = Annotated[Any, Depends(get_store)]


def session_user(request: Request, st: Store) -> auth.User | None:
    conn = _conn(st)
    name = auth.read_session(auth.secret(conn), request.cookies.get(auth.SESSION_COOKIE))
    return auth.get_user(conn, name) if name else None


SessionUser = Annotated[auth.User | None, Depends(session_user)]


def editor(request: Request, st: Store, user: SessionUser) -> auth.User:
    """The signed-in editor making a change with a valid CSRF token."""
    if user is None:
        raise HTTPException(401, "sign in first")
    cookie = request.cookies.get(auth.SESSION_COOKIE)
    if not auth.check_csrf(auth.secret(_conn(st)), cookie, request.headers.get("x-csrf-token")):
        raise HTTPException(403, "missing or bad CSRF token")
    if not user.can_edit:
        raise HTTPException(403, "an editor account is needed to change events")
    return user


Editor = Annotated[auth.User, Depends(editor)]


Filters = Annotated[EventFilter, Depends(event_filter)]


class EventPage(BaseModel):
    """A page of events (each in the event format of event-format.md, plus ``review``)."""

    events: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class Login(BaseModel):
    name: str = Field(max_length=100)
    password: str = Field(max_length=1000)


class Review(BaseModel):
    action: str = Field(description="confirm | correct | reject | reopen | merge | split")
    changes: dict[str, Any] = Field(default_factory=dict, description="correct: field -> new value")
    events: list[str] = Field(
        default_factory=list, max_length=50, description="merge: the other events' ids"
    )
    articles: list[str] = Field(
        default_factory=list,
        max_length=500,
        description="split: the articles that report another event",
    )
    mentions: list[str] = Field(
        default_factory=list, max_length=500, description="split: article-level event ids"
    )
    note: str | None = Field(None, max_length=2000)


def create_app(db_url: str) -> FastAPI:
    """The rasd web app over the store at ``db_url``."""
    pool = StorePool(db_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="rasd",
        version="1",
        description="Conflict events extracted from Arabic news, with evidence.",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.pool = pool
    write_lock = threading.Lock()
    reviews.reapply(pool.get())  # a store fused by an older rasd, or by hand
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RasdError)
    def _rasd_error(request: Request, err: RasdError) -> JSONResponse:
        status = 400 if isinstance(err, reviews.ReviewError | StoreError) else 500
        if isinstance(err, auth.AuthError):
            status = 403
        return JSONResponse({"detail": err.message}, status_code=status)

    @app.get("/api/me", tags=["accounts"])
    def me(request: Request, st: Store, user: SessionUser) -> dict[str, Any]:
        """Who is signed in, and the CSRF token their changes must carry."""
        if user is None:
            return {"user": None, "role": None, "csrf": None}
        cookie = request.cookies[auth.SESSION_COOKIE]
        return {
            "user": user.name,
            "role": user.role,
            "csrf": auth.csrf_token(auth.secret(_conn(st)), cookie),
        }

    @app.post("/api/login", tags=["accounts"])
    def login(body: Login, request: Request, response: Response, st: Store):
        _same_origin(request)
        conn = _conn(st)
        user = auth.authenticate(conn, body.name, body.password)
        if user is None:
            raise HTTPException(401, "wrong name or password")
        cookie = auth.make_session(auth.secret(conn), user.name)
        response.set_cookie(
            auth.SESSION_COOKIE,
            cookie,
            max_age=auth.SESSION_SECONDS,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return {
            "user": user.name,
            "role": user.role,
            "csrf": auth.csrf_token(auth.secret(conn), cookie),
        }

    @app.post("/api/logout", tags=["accounts"])
    def logout(request: Request, response: Response):
        _same_origin(request)
        response.delete_cookie(auth.SESSION_COOKIE, path="/")
        return {"user": None}

    # --- events ---------------------------------------------------------------
    @app.get("/api/events", tags=["events"], response_model=EventPage)
    def events(
        f: Filters,
        st: Store,
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=10_000_000),
    ) -> Response:
        """Fused events matching the filters, newest first, in the event format
        (plus ``review``); ``total`` counts every match, ``limit``/``offset`` page."""
        conn = getattr(st, "conn", None)
        if isinstance(conn, sqlite3.Connection):
            rows, total = query.page(conn, f, limit=limit, offset=offset), query.count(conn, f)
        else:
            rows, total = st.events(f, limit=limit, offset=offset), st.count_events(f)
        body = {"events": _overlay(st, rows), "total": total, "limit": limit, "offset": offset}
        return _json(body)

    @app.get("/api/points", tags=["events"])
    def points(
        f: Filters,
        st: Store,
        limit: int = Query(5000, ge=1, le=MAX_POINTS),
    ) -> Response:
        """Compact rows for the map and the timeline, one per event, newest first:
        id, date, type, sub (type), lat, lon, country, status (of its review)."""
        conn = getattr(st, "conn", None)
        if isinstance(conn, sqlite3.Connection):
            out = query.points(conn, f, limit=limit)
            return _json({"points": out, "total": query.count(conn, f), "limit": limit})
        out = []
        for e in _overlay(st, st.events(f, limit=limit)):
            loc = e.get("location") or {}
            review = e.get("review") or {}
            out.append(
                {
                    "id": e["event_id"],
                    "date": e.get("event_date"),
                    "type": e.get("event_type"),
                    "sub": e.get("sub_event_type"),
                    "lat": loc.get("lat"),
                    "lon": loc.get("lon"),
                    "country": loc.get("country"),
                    "status": review.get("status"),
                }
            )
        return _json({"points": out, "total": st.count_events(f), "limit": limit})

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: str, st: Store) -> dict[str, Any]:
        return _overlay(st, [_event(st, event_id)])[0]

    @app.get("/api/events/{event_id}/articles", tags=["events"])
    def event_articles(event_id: str, st: Store) -> dict[str, Any]:
        """Every article reporting the event, its evidence cut into highlight segments."""
        e = _event(st, event_id)
        out = []
        for article_id in e.get("article_ids") or []:
            article = st.get_article(article_id)
            if article is None:
                continue
            evidence = [x for x in e.get("evidence") or [] if x.get("article_id") == article_id]
            d = article.to_dict()
            d["segments"] = highlight.segments(article.text, evidence)
            out.append(d)
        return {"event_id": event_id, "articles": out}

    @app.get("/api/events/{event_id}/reviews", tags=["reviews"])
    def event_reviews(event_id: str, st: Store) -> dict[str, Any]:
        """Every review of the event: who, when, the action, before and after."""
        event_id = _event(st, event_id)["event_id"]
        return {"event_id": event_id, "reviews": reviews.history(_conn(st), event_id)}

    @app.post("/api/events/{event_id}/review", tags=["reviews"])
    def review_event(event_id: str, body: Review, st: Store, user: Editor) -> dict[str, Any]:
        """Confirm, correct (any editable field), merge, split, reject or reopen
        an event (editors only, with the CSRF token). Every change is kept in
        the event's review history; a split's answer names the new event in
        ``split_off``."""
        _event(st, event_id)
        try:
            # one review transaction at a time in this process: under load,
            # SQLite's busy wait let some writers starve past busy_timeout
            with write_lock:
                return reviews.review(
                    _conn(st),
                    event_id,
                    user.name,
                    body.action,
                    body.changes,
                    body.note,
                    events=body.events,
                    articles=body.articles,
                    mentions=body.mentions,
                )
        finally:
            query.changed()  # cached totals are stale (this connection saw its own write)

    # --- articles, search, stats, export --------------------------------------
    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str, st: Store) -> dict[str, Any]:
        """The article object with its events and all their evidence as segments."""
        a = st.get_article(article_id)
        if a is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        d = a.to_dict()
        d["events"] = evs = _overlay(st, queries.events_for_article(st, article_id))
        evidence = [x for e in evs for x in e.get("evidence") or [] if x.get("article_id") == a.id]
        d["segments"] = highlight.segments(a.text, evidence)
        return d

    @app.get("/api/search", tags=["articles"])
    def search(
        st: Store,
        q: str = Query(..., min_length=1, max_length=500),
        limit: int = Query(20, ge=1, le=200),
    ) -> dict[str, Any]:
        hits = []
        for a, score in st.search(q, limit=limit):
            d = a.to_dict(with_text=False)
            d["score"] = round(score, 4)
            hits.append(d)
        return {"q": q, "articles": hits}

    @app.get("/api/stats", tags=["stats"])
    def stats(st: Store) -> dict[str, Any]:
        """Articles, article-level and fused events, sources, languages."""
        out = st.stats()
        db = backend(st)
        out.update(queries.stats(db))
        out["reviewed_events"] = db.one("SELECT count(*) FROM event_overrides")[0]
        return out

    @app.get("/api/export", tags=["export"])
    def export_events(
        f: Filters,
        st: Store,
        format: str = Query("jsonl", pattern="^(csv|jsonl|geojson)$"),
    ):
        """Every matching event as a CSV, JSONL or GeoJSON download."""
        rows = _overlay(st, st.events(f, limit=None))
        ext = {"csv": "csv", "jsonl": "jsonl", "geojson": "geojson"}[format]
        return StreamingResponse(
            export.WRITERS[format](rows),
            media_type=export.FORMATS[format],
            headers={"Content-Disposition": f'attachment; filename="rasd-events.{ext}"'},
        )

    # --- the web app ------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/manifest.webmanifest", include_in_schema=False)
    def manifest() -> Response:
        return Response(
            json.dumps(pwa.MANIFEST, ensure_ascii=False),
            media_type="application/manifest+json",
        )

    @app.get("/sw.js", include_in_schema=False)
    def service_worker() -> FileResponse:
        return FileResponse(
            STATIC / "sw.js",
            media_type="text/javascript",
            headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _event(st, event_id: str) -> dict[str, Any]:
    e = st.get_event(event_id)
    if e is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return e


def _json(body: dict[str, Any]) -> Response:
    """A JSON answer written directly (the event dicts are plain JSON already)."""
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        media_type="application/json",
    )


def _overlay(st, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events as served: reviews are already written into them by the store."""
    return [reviews.served(e) for e in rows]


def _same_origin(request: Request) -> None:
    """Refuse cross-site form posts to login/logout (login CSRF)."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if origin.split("://", 1)[-1] != host:
        raise HTTPException(403, "cross-origin request refused")

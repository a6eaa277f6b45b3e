"""The store stage: where articles and events live.

``open_store(url)`` picks the backend from the URL: a file path (or
``sqlite:///path``, or ``:memory:``) is SQLite, the default; other schemes
are refused with a clear message. Every backend offers the same methods
(``put_articles``, ``get_article``, ``articles``, ``search``,
``events_for``, ``stats``), so commands and the web app never care which
one they hold. ``rasd.store.api`` has the library functions the CLI calls.
"""

from __future__ import annotations

from rasd.errors import UnknownStoreURL


def open_store(url: str):
    """Open (creating and migrating as needed) the store at ``url``."""
    if "://" not in url or url.startswith("sqlite://"):
        from rasd.store.sqlite import SQLiteStore

        path = url.removeprefix("sqlite:///") if url.startswith("sqlite://") else url
        return SQLiteStore(path or ":memory:")
    if url.startswith(("postgresql://", "postgres://")):
        from rasd.store.postgres import PostgresStore

        return PostgresStore(url)
    scheme = url.split("://", 1)[0]
    raise UnknownStoreURL(
        f"{url}: unknown store scheme {scheme!r} (use a SQLite file path or postgresql://)",
        value=url,
    )


__all__ = ["open_store"]

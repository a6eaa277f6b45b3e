"""Accounts, password hashing, signed session cookies and CSRF tokens.

Passwords are hashed with scrypt from the standard library (memory-hard,
salted, parameters stored with the hash). A session is a cookie
``name.expiry.signature`` signed with HMAC-SHA256 under a secret kept in the
store, so sessions survive restarts and need no session table. Every
change needs the CSRF token derived from the session (sent as a header by
the page), besides the SameSite=Strict cookie.

The functions take a store, its connection or a :class:`rasd.fuse.backend.Backend`
and run the same SQL on SQLite and PostgreSQL through that adapter.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from rasd.errors import RasdError
from rasd.fuse.backend import backend

ROLES = ("viewer", "editor")
SESSION_COOKIE = "rasd_session"
SESSION_SECONDS = 12 * 3600
SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class AuthError(RasdError):
    """Bad credentials, a bad role or a missing/forged session or token."""

    code = "E600"


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"


def _b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except ValueError:
        return False
    return hmac.compare_digest(got, _unb64(digest))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def add_user(conn: Any, name: str, password: str, role: str) -> None:
    """Create or update ``name`` with ``role`` and a new password."""
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r} (use {' or '.join(ROLES)})", value=role)
    if not name or len(password) < 8:
        raise AuthError("a user needs a name and a password of at least 8 characters", value=name)
    backend(conn).execute(
        "INSERT INTO users (name, role, password, created_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(name) DO UPDATE SET role = excluded.role, password = excluded.password,"
        " disabled = 0",
        (name, role, hash_password(password), _now()),
    )


def list_users(conn: Any) -> list[dict[str, object]]:
    rows = backend(conn).rows("SELECT name, role, created_at, disabled FROM users ORDER BY name")
    return [dict(zip(("name", "role", "created_at", "disabled"), r, strict=True)) for r in rows]


def authenticate(conn: Any, name: str, password: str) -> User | None:
    row = backend(conn).one(
        "SELECT name, role, password FROM users WHERE name = ? AND disabled = 0", (name,)
    )
    if row is None:
        verify_password(password, hash_password("timing-equaliser"))
        return None
    return User(row[0], row[1]) if verify_password(password, row[2]) else None


def get_user(conn: Any, name: str) -> User | None:
    row = backend(conn).one("SELECT name, role FROM users WHERE name = ? AND disabled = 0", (name,))
    return User(row[0], row[1]) if row else None


def secret(conn: Any) -> bytes:
    """The signing secret of this store, made on first use (the first of
    several processes or threads to make it wins)."""
    db = backend(conn)
    row = db.one("SELECT value FROM web_settings WHERE key = 'secret'")
    if row is None:
        db.execute(
            "INSERT INTO web_settings (key, value) VALUES ('secret', ?)"
            " ON CONFLICT (key) DO NOTHING",
            (secrets.token_hex(32),),
        )
        row = db.one("SELECT value FROM web_settings WHERE key = 'secret'")
    return bytes.fromhex(row[0])


def _sign(key: bytes, message: str) -> str:
    return _b64(hmac.new(key, message.encode(), hashlib.sha256).digest())


def make_session(key: bytes, name: str, *, now: float | None = None) -> str:
    expiry = int((now or time.time()) + SESSION_SECONDS)
    body = f"{_b64(name.encode())}.{expiry}"
    return f"{body}.{_sign(key, 'session|' + body)}"


def read_session(key: bytes, cookie: str | None, *, now: float | None = None) -> str | None:
    """The user name in a valid, unexpired session cookie, else None."""
    if not cookie or cookie.count(".") != 2:
        return None
    name_b64, expiry, sig = cookie.split(".")
    body = f"{name_b64}.{expiry}"
    if not hmac.compare_digest(sig, _sign(key, "session|" + body)):
        return None
    if not expiry.isdigit() or int(expiry) < (now or time.time()):
        return None
    try:
        return _unb64(name_b64).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def csrf_token(key: bytes, cookie: str) -> str:
    return _sign(key, "csrf|" + cookie)


def check_csrf(key: bytes, cookie: str | None, token: str | None) -> bool:
    return bool(cookie and token) and hmac.compare_digest(csrf_token(key, cookie), token)

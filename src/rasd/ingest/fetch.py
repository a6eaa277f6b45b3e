"""Articles and feeds from http(s) URLs, refusing private addresses.

Owned by the ingest stage. ``read_url(url)`` fetches one page or feed with
the standard library (a timeout, a size cap, at most a few redirects, no
proxies) and hands the bytes to the same readers as files, so a page, a
feed or a JSONL file behind a URL gives what the file would.

A feed list may hold any URL, and a crawl may follow links, so rasd will
not be turned against the machine it runs on or its network: every
connection (the first and every redirect) is checked against the address
it actually connects to, after name resolution, and loopback, private,
link-local, multicast, reserved and unspecified addresses are refused
unless the caller allows them (``rasd ingest --allow-private``). Checking
the connected address, not the name, also defeats DNS names that resolve
to a private address or change between look-up and connection.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

from rasd.errors import InputError
from rasd.model import Article

TIMEOUT = 20.0  # seconds, per connection and per read
MAX_REDIRECTS = 5
USER_AGENT = "rasd (news reader; +https://example.invalid/rasd)"
_KINDS = (  # Content-Type -> reader format
    ("html", "html"),
    ("xhtml", "html"),
    ("rss", "feed"),
    ("atom", "feed"),
    ("xml", "feed"),
    ("ndjson", "jsonl"),
    ("jsonl", "jsonl"),
    ("json", "json"),
    ("text/plain", "text"),
)


class RefusedAddress(OSError):
    """A connection to an address rasd does not fetch from without leave."""


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def refusal(ip: str) -> str | None:
    """Why ``ip`` may not be fetched from without ``--allow-private``, else None."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    for test, what in (
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_private", "a private"),
        ("is_multicast", "a multicast"),
        ("is_unspecified", "an unspecified"),
        ("is_reserved", "a reserved"),
    ):
        if getattr(addr, test):
            return f"{addr} is {what} address"
    if not addr.is_global:  # shared (100.64/10), documentation, benchmarking ranges …
        return f"{addr} is not a public address"
    return None


def _guarded_connect(allow_private: bool):
    """``socket.create_connection`` that refuses non-public addresses."""

    def connect(address, timeout=TIMEOUT, source_address=None, **_kw):
        host, port = address
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as err:
            raise OSError(f"cannot resolve {host}: {err.strerror or err}") from err
        last: OSError | None = None
        for family, kind, proto, _name, sockaddr in infos:
            why = None if allow_private else refusal(sockaddr[0])
            if why is not None:
                said = why if host == sockaddr[0] else f"{host} resolves to {why}"
                last = RefusedAddress(f"refused: {said} (use --allow-private to fetch it)")
                continue
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(timeout)
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                peer = sock.getpeername()[0]
                why = None if allow_private else refusal(peer)
                if why is not None:
                    raise RefusedAddress(f"refused: connected to {why}")
                return sock
            except OSError as err:
                sock.close()
                last = err
        raise last or OSError(f"cannot connect to {host}")

    return connect


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    connect = _guarded_connect(allow_private)

    def factory(cls):
        def make(host, **kw):
            conn = cls(host, **kw)
            conn._create_connection = connect
            return conn

        return make

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(factory(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(factory(http.client.HTTPSConnection), req, context=self._context)

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

    opener = urllib.request.OpenerDirector()
    # only these: no proxies from the environment, no file:// or ftp://
    for handler in (
        HTTP(),
        HTTPS(),
        Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def _kind(content_type: str, url: str) -> str | None:
    from rasd.ingest.readers import kind_of_name

    ctype = content_type.split(";", 1)[0].strip().lower()
    for needle, kind in _KINDS:
        if needle in ctype:
            return kind
    return kind_of_name(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])


def fetch(
    url: str, *, max_bytes: int, allow_private: bool = False, timeout: float = TIMEOUT
) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of ``url``; ``InputError`` naming the URL otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(url, "not an http(s) URL")
    if "@" in parts.netloc:  # user:pass@host, or a host hidden behind one
        raise InputError(url, "refused: URLs with a user name or password are not fetched")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    )
    try:
        with _opener(allow_private).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(
                    url, f"{length} bytes is over the limit of {max_bytes} (max_bytes)"
                )
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError(url, f"over the limit of {max_bytes} bytes (max_bytes)")
            return body, response.headers.get("Content-Type", ""), response.geturl()
    except urllib.error.HTTPError as err:
        raise InputError(url, f"HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        raise InputError(url, str(reason) if isinstance(reason, OSError) else f"{reason}") from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise InputError(url, f"cannot fetch: {err}") from None


def read_url(
    url: str, *, max_bytes: int, allow_private: bool = False
) -> Iterator[Article | InputError]:
    """Articles (and input errors) from the page, feed or records at ``url``."""
    from rasd.ingest.readers import read_stream

    try:
        body, ctype, final = fetch(url, max_bytes=max_bytes, allow_private=allow_private)
    except InputError as err:
        yield err
        return
    for item in read_stream(io.BytesIO(body), url, kind=_kind(ctype, final), max_bytes=max_bytes):
        if isinstance(item, Article) and not item.url and item.origin == url:
            item.url = final
        yield item

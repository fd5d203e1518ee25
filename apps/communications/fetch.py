"""Reading a pasted link's page for its title and date, when the server can reach it within a short timeout.

The server never fetches an address that is not public (loopback, private, link-local: the SSRF guard of
``domain.communications.links.is_public_address``); it connects to the very address it checked, follows no
redirect and reads at most 256 KB. Without a network (an intranet) every fetch simply fails and the focal point
types the title and date: nothing waits longer than the overall timeout.
"""

from __future__ import annotations

import http.client
import socket
import ssl
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from urllib.parse import urlsplit

from django.conf import settings

from domain.communications.links import PageFacts, is_public_address, page_facts

MAX_BYTES = 256 * 1024


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


def public_address(host: str, port: int) -> str | None:
    """The first address of ``host`` when every address it resolves to is public; None otherwise."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    addresses = [str(info[4][0]) for info in infos]
    if not addresses or not all(is_public_address(address) for address in addresses):
        return None
    return addresses[0]


def fetch_facts(url: str, *, timeout: float) -> PageFacts | None:
    """The page's title and date, or None when it cannot be reached, is not public, or is not an HTML page."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host or parts.scheme not in ("http", "https"):
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = public_address(host, port)
    if address is None:
        return None
    kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = kind(host, address, port, timeout)
    try:
        path = parts.path or "/"
        connection.request(
            "GET", f"{path}?{parts.query}" if parts.query else path, headers={"User-Agent": "CCHC/1.0"}
        )
        response = connection.getresponse()
        if response.status != 200 or "html" not in (response.getheader("Content-Type") or ""):
            return None
        body = response.read(MAX_BYTES)
        charset = response.headers.get_content_charset() or "utf-8"
    except (OSError, http.client.HTTPException, ValueError):
        return None
    finally:
        connection.close()
    return page_facts(body.decode(charset, "replace"))


def fetch_many(urls: Sequence[str]) -> dict[str, PageFacts]:
    """What could be read of each link within the overall timeout; links not answered are left out."""
    if not urls or not getattr(settings, "CCHC_FETCH_LINKS", True):
        return {}
    timeout = float(getattr(settings, "CCHC_FETCH_TIMEOUT_SECONDS", 3))
    pool = ThreadPoolExecutor(max_workers=min(8, len(urls)))
    futures = {pool.submit(fetch_facts, url, timeout=timeout): url for url in urls}
    done, _ = wait(futures, timeout=timeout + 1)
    pool.shutdown(wait=False, cancel_futures=True)
    out = {}
    for future in done:
        facts = future.result() if future.exception() is None else None
        if facts is not None:
            out[futures[future]] = facts
    return out

"""Links of published articles: what counts as one, a list pasted one per line, what a page says about itself
(its title and publication date), and which addresses the server must never fetch (private, loopback,
link-local: the guard against server-side request forgery)."""

from __future__ import annotations

import contextlib
import ipaddress
import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit

MAX_LINKS = 100


def link_problem(text: str) -> str | None:
    """Why ``text`` is not the address of a web page, or None when it is one (http or https, with a host)."""
    value = text.strip()
    if not value:
        return "Chưa nhập đường dẫn."
    if any(char.isspace() for char in value):
        return f"“{value[:80]}” không phải đường dẫn: có khoảng trắng."
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        return f"“{value[:80]}” không phải đường dẫn trang web (phải bắt đầu bằng http:// hoặc https://)."
    host = parts.hostname or ""
    if not host or ("." not in host and not _is_ip(host)):
        return f"“{value[:80]}” không có tên miền hợp lệ."
    try:
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return f"“{value[:80]}” có cổng không hợp lệ."
    return None


def normalise_link(text: str) -> str:
    """The form kept and compared for duplicates: scheme and host in lower case, no fragment, no trailing slash."""
    parts = urlsplit(text.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def is_public_address(address: str) -> bool:
    """Only global unicast addresses may be fetched; loopback, private, link-local, reserved are refused."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast)


@dataclass(frozen=True)
class PastedLine:
    """A non-empty line of a pasted list: its number, the link kept, or why it was refused."""

    line: int
    link: str
    problem: str | None = None


def pasted_links(text: str) -> list[PastedLine]:
    """One link per line; empty lines skipped; a link repeated in the list is refused on its second line."""
    out: list[PastedLine] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        value = raw.strip().strip("<>")
        if not value:
            continue
        problem = link_problem(value)
        if problem is None:
            key = normalise_link(value)
            if key in seen:
                problem = f"Đường dẫn trùng với dòng {seen[key]}."
            else:
                seen[key] = number
        out.append(PastedLine(number, value, problem))
    return out


@dataclass(frozen=True)
class PageFacts:
    title: str = ""
    published_on: date | None = None


_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "date", "dc.date")
_VN_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.times: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): (value or "") for key, value in attrs}
        if tag == "meta":
            name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if name and name not in self.meta:
                self.meta[name] = values.get("content", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _iso_date(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).date()
    except ValueError:
        match = _VN_DATE.search(text)
        if match:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                return None
    return None


def page_facts(html: str) -> PageFacts:
    """The title (og:title, else <title>) and publication date a page declares; empty where it declares none."""
    reader = _Reader()
    with contextlib.suppress(Exception):
        reader.feed(html)
    title = " ".join((reader.meta.get("og:title") or reader.title).split())
    published = None
    for name in _DATE_META:
        if reader.meta.get(name):
            published = _iso_date(reader.meta[name])
            if published:
                break
    if published is None:
        for value in reader.times:
            published = _iso_date(value)
            if published:
                break
    return PageFacts(title[:500], published)

"""The publisher of a page: datelines, site footers and URLs, mapped to a domain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from search.lexicon import load_toml

_DOMAIN = (
    r"(?i:[A-Za-z0-9][A-Za-z0-9-]*\.(?:co\.id|go\.id|or\.id|ac\.id|com|co|id|net|org|tv|news))"
)
# "KOMPAS.com - ...", "DIALEKSIS.COM | Jakarta - ...", "Kompas.com - 28/09/2022"
DOMAIN_DATELINE = re.compile(rf"^(?:[A-Z][A-Za-z .]{{1,30}},\s*)?(?P<pub>{_DOMAIN})\s*[-–—|:,]")
# "JAKARTA, KEMENDAGRI —", "Jakarta, Kompas —", "Jakarta, CNN Indonesia --"
NAMED_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .]{1,30},\s*(?P<pub>[A-Z][A-Za-z0-9]{2,20}(?: [A-Z][A-Za-z0-9]{2,20})?)"
    r"\b\s*[-–—|]"
)
# "Jakarta (ANTARA) -"
WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .]{1,30}\s*\((?P<pub>[A-Za-z]{3,20})\)\s*[-–—]")
# "Copyright © ANTARA 2025", "Jurnalisme KOMPAS.com"
COPYRIGHT = re.compile(
    rf"(?:copyright|©)\s*(?:©\s*)?(?:\d{{4}}\s+)?(?P<pub>{_DOMAIN}|[A-Za-z]{{3,20}})", re.I
)


DATELINE_PARAGRAPHS = 2


@dataclass(frozen=True)
class SourceEvidence:
    source: str
    line: str
    rule: str


def publisher_domain(name: str) -> str | None:
    """A domain for a publisher name or domain, or None if it names no known publisher."""
    name = name.strip().rstrip(".")
    if re.fullmatch(_DOMAIN, name):
        return name.lower()
    return load_toml("sources.toml")["publishers"].get(name.upper())


def given_source(raw: str) -> str:
    """The source a record or a correction names, as articles' sources are kept: a URL or a
    domain with a path ("https://www.tempo.co/read/123", "detik.com/news") is its site
    (tempo.co, detik.com), a host is lowercased without "www.", a publisher's name is its
    domain; anything else is lowercased."""
    text = raw.strip()
    if "/" in text or ":" in text:
        site = source_from_url(text if "://" in text else f"http://{text}")
        if site:
            return site
    if "." in text and " " not in text:
        text = text.lower().rstrip(".").removeprefix("www.")
    return publisher_domain(text) or text.lower()


def link_url(url: str | None) -> str | None:
    """A URL fit to be a link: http or https only. A `javascript:` or `data:` URL from a
    scraper or a sidecar would run code when clicked, so it is not kept."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def source_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    parts = host.lower().removeprefix("www.").split(".")
    if len(parts) >= 3 and parts[-2] in {"co", "go", "or", "ac"}:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:]) if len(parts) >= 2 else None


def find_source(
    header: Iterable[str], body: list[str], footer: Iterable[str], url: str | None = None
) -> SourceEvidence | None:
    """The publisher's domain. A wire credit ("(ANTARA)") counts only when nothing else does."""
    from_url = source_from_url(url)
    if from_url:
        return SourceEvidence(from_url, url or "", "url")
    # The dateline opens the article; a teaser line scraped above it may come first.
    opening = body[:DATELINE_PARAGRAPHS]
    for rule, lines in (("dateline", [*header, *opening]),):
        for line in lines:
            for pattern in (DOMAIN_DATELINE, NAMED_DATELINE):
                m = pattern.match(line)
                if m and (source := publisher_domain(m.group("pub"))):
                    return SourceEvidence(source, line, rule)
    for line in footer:
        m = COPYRIGHT.search(line)
        if m and (source := publisher_domain(m.group("pub"))):
            return SourceEvidence(source, line, "copyright footer")
    wires = load_toml("sources.toml")["wires"]
    for line in opening:
        m = WIRE_DATELINE.match(line)
        if m and (source := wires.get(m.group("pub").upper())):
            return SourceEvidence(source, line, "wire credit")
    return None

"""The publisher of a page: datelines, site footers and URLs, mapped to a domain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import SplitResult, urlsplit

from search.i18n import N_
from search.lexicon import load_toml

_DOMAIN = (
    r"(?i:[A-Za-z0-9][A-Za-z0-9-]*\.(?:co\.id|go\.id|or\.id|ac\.id|com|co|id|net|org|tv|news))"
)
_HOST = re.compile(rf"(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+{_DOMAIN}")
# "KOMPAS.com - ...", "DIALEKSIS.COM | Jakarta - ...", "Kompas.com - 28/09/2022"
DOMAIN_DATELINE = re.compile(rf"^(?:[A-Z][A-Za-z .]{{1,30}},\s*)?(?P<pub>{_DOMAIN})\s*[-–—|:,]")
# "JAKARTA, KEMENDAGRI —", "Jakarta, Kompas —", "Jakarta, CNN Indonesia --"
NAMED_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .]{1,30},\s*(?P<pub>[A-Z][A-Za-z0-9]{2,20}(?: [A-Z][A-Za-z0-9]{2,20})?)"
    r"\b\s*[-–—|]"
)
# "Jakarta (ANTARA) -"
WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .]{1,30}\s*\((?P<pub>[A-Za-z]{3,20})\)\s*[-–—]")
# "Copyright © ANTARA 2025", "© 2008 - 2019 PT. Kompas Cyber Media", "(c) KapanLagi.com"
COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\)|hak cipta)\s*(?:[@©]\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?"
    r"(?:PT\.?\s+)?(?P<pub>\S+(?:\s+\S+)?)",
    re.I,
)
# "Sumber: sindonews.com", "Source: Okezone.com": where a story copied from another publisher
# comes from; in brackets at the story's end too: "(sumber: wowkeren.com)".
CREDITED_SOURCE = re.compile(
    r"^(\()?(?:sumber|source)\s*:\s*(?P<pub>[^\s()]+(?:\s+[^\s()]+)?)(?(1)\))$", re.I
)
# "Laporan Wartawan Tribunnews.com, Reza Deni"
BYLINE = re.compile(r"^laporan (?:wartawan|reporter|koresponden) (?P<pub>[^,]{3,30}),", re.I)
# A line that names its publisher and little else: "KapanLagi.com", "Mercy Raya - detikSport"
_BRAND_LINE_WORDS = 5
_GLUED_CHANNEL = re.compile(r"(?P<brand>[a-z]{3,})[A-Z][A-Za-z]+")
_WORD_EDGES = "()[]{}:;,.|-–—\"'“”‘’@®"


DATELINE_PARAGRAPHS = 2


@dataclass(frozen=True)
class SourceEvidence:
    source: str
    line: str
    rule: str


@cache
def _table() -> dict:
    table = load_toml("sources.toml")
    table["other_publisher"] = re.compile(
        "|".join(f"(?:{p})" for p in table["other_publisher_line"]), re.I
    )
    return table


@cache
def _unspaced_publishers() -> dict[str, str]:
    """The publishers of two words written as one: "CNNIndonesia", "IDNTimes"."""
    return {
        key.replace(" ", ""): domain for key, domain in _table()["publishers"].items() if " " in key
    }


def publisher_domain(name: str) -> str | None:
    """A domain for a publisher name or domain, or None if it names no known publisher. A
    brand or site of a publisher's network (TRIBUNJABAR.ID, detikNews) is the publisher's."""
    name = name.strip().rstrip(".")
    if name.lower().startswith("www."):
        name = name[4:]
    if _HOST.fullmatch(name):  # jabar.tribunnews.com, kabartimika.blogspot.com
        name = site_of_host(name) or name
    is_domain = re.fullmatch(_DOMAIN, name) is not None or _HOST.fullmatch(name) is not None
    known = _table()["publishers"].get(name.upper()) or _unspaced_publishers().get(name.upper())
    if known:
        return known
    label = name.lower().split(".")[0]
    if " " in label:  # a brand is one word: "FIMELA FEST 2019" is an event
        return None
    for prefix, domain in _table()["networks"].items():
        if label.startswith(prefix) and (is_domain or len(label) > len(prefix)):
            return domain
    # A brand written in lower case with its channel glued on: "kumparanSAINS", "kumparanNEWS".
    glued = _GLUED_CHANNEL.fullmatch(name)
    if glued and (domain := _table()["publishers"].get(glued.group("brand").upper())):
        return domain
    return name.lower() if is_domain else None


def is_aggregator(name: str) -> bool:
    """An aggregator or app that adds its name to a carried story's HTML title ("MSN", "LINE
    TODAY"; sources.toml `aggregators`)."""
    return name.strip().upper() in _aggregators()


@cache
def _aggregators() -> frozenset[str]:
    return frozenset(a.upper() for a in _table()["aggregators"])


def named_publisher(name: str) -> str | None:
    """The domain of a publisher sources.toml names ("POSMETRO MEDAN", "Kompas.com"); None for
    any other name or domain ("Booking.com", "FIMELA FEST 2019")."""
    domain = publisher_domain(name)
    table = _table()
    if domain in table["publishers"].values() or domain in table["networks"].values():
        return domain
    return None


def brand_in(text: str) -> str | None:
    """The publisher a short piece of page chrome names by its domain or brand ("Okezone News",
    "Seleb Tempo.co", "Tribun Jabar", "www.posmetro-medan.com"), or None."""
    words = [word.strip(_WORD_EDGES) for word in text.split()]
    words = [word for word in words if word]
    for i, word in enumerate(words):
        if word.lower().startswith(("http://", "https://", "www.")):  # a link to the page
            return source_from_url(word if "//" in word else f"http://{word}")
        if i + 1 < len(words):
            pair = _table()["publishers"].get(f"{word} {words[i + 1]}".upper())
            if pair:
                return pair
        # A brand is written with a capital or as a domain: "detik" alone is a word (a second).
        written_as_brand = (len(word) >= 4 and not word.islower()) or "." in word
        if "." not in word and len(words) > 1 and word.title() in _table()["section_names"]:
            # a brand that is a common word, among other words, is a word of another name
            # ("Ruang Bisnis Nusantara", a blog): bisnis.com only alone or as its domain
            continue
        if written_as_brand and (domain := publisher_domain(word)):
            return domain
    return None


def names_other_publisher(line: str) -> bool:
    """A credit for copied text or a photo ("Sumber: Kompas"), which names another publisher."""
    return _table()["other_publisher"].search(line) is not None


def brand_line_source(line: str) -> str | None:
    """The publisher of a short chrome line that names one ("KapanLagi.com", "Okezone News",
    "Mercy Raya - detikSport"), unless it credits another publisher."""
    if len(line.split()) > _BRAND_LINE_WORDS or names_other_publisher(line):
        return None
    return brand_in(line)


# "Headline - Kompas.com", "Headline | Okezone News", "POSMETRO MEDAN: Headline"
# "... - Kompas.com", "... | Okezone", a Blogger theme's "... ~ Posmetro Medan", "... » Blog".
TITLE_BRAND_SUFFIX = re.compile(r"\s(?P<sep>[-|–—:~»•]|::)\s+(?P<brand>[^-|–—:~»•]{2,40})$")
# Separators a headline may hold itself ("... » Inilah Kronologinya"): the words after them are
# a publisher's only when they are its name, not when they merely hold a brand's word.
_RARE_TITLE_SEPARATORS = frozenset("~»•")


def title_brand_suffix(line: str) -> re.Match[str] | None:
    """The publisher an HTML title adds after its headline, as a match (`brand`), or None."""
    m = TITLE_BRAND_SUFFIX.search(line)
    if m is None or len(m.group("brand").split()) > 3:
        return None
    brand = m.group("brand")
    if m.group("sep") in _RARE_TITLE_SEPARATORS:
        return m if named_publisher(brand) or is_aggregator(brand) else None
    return m if brand_in(brand) or is_aggregator(brand) else None


TITLE_BRAND_PREFIX = re.compile(r"^(?P<brand>[^-|–—:]{2,30}?)\s*(?:[-|–—:]|::)\s")


def title_suffix_source(line: str) -> str | None:
    """The publisher an HTML title names after its headline ("... - Seleb Tempo.co"), or before
    it as Blogger writes it ("POSMETRO MEDAN: ..."; only a publisher sources.toml names, since
    "Survei Booking.com: ..." is a headline), or None."""
    m = title_brand_suffix(line)
    if m and (source := brand_in(m.group("brand"))):
        return source
    m = TITLE_BRAND_PREFIX.match(line)
    return named_publisher(m.group("brand")) if m else None


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
    parts = _url_parts(url.strip()) if url else None
    if url and parts and parts.scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _url_parts(url: str) -> SplitResult | None:
    """A URL's parts; None for one that is not a URL ("http://[x/abc": a bracket that opens
    no IPv6 address, which urlsplit refuses with a ValueError)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def source_from_url(url: str | None) -> str | None:
    parts = _url_parts(url) if url else None
    return site_of_host(parts.hostname or "") if parts else None


def readable_source(text: str) -> bool:
    """Whether a source a user names can be one: a name ("tempo"), or a domain or URL whose
    site can be read (not "[x.com", a bracket no address opens)."""
    if not any(c in text for c in "./:[]"):
        return True
    return source_from_url(text if "://" in text else f"http://{text}") is not None


def site_of_host(host: str) -> str | None:
    """The site a host name belongs to: regional.kompas.com is kompas.com, a blog on a hosting
    service (kabartimika.blogspot.com) is itself."""
    host = host.lower().removeprefix("www.")
    for hosted in _table()["hosted_sites"]:
        if host.endswith(f".{hosted}"):
            return host
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in {"co", "go", "or", "ac"}:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:]) if len(parts) >= 2 else None


def find_source(
    header: Iterable[str], body: list[str], footer: Iterable[str], url: str | None = None
) -> SourceEvidence | None:
    """The publisher's domain. A wire credit ("(ANTARA)") counts only when nothing else does,
    and a copied story's credit ("Sumber: sindonews.com", a blog's repost) after it."""
    from_url = source_from_url(url)
    if from_url:
        return SourceEvidence(from_url, url or "", N_("url"))
    # The dateline opens the article; a teaser line scraped above it may come first.
    opening = body[:DATELINE_PARAGRAPHS]
    header, footer = list(header), list(footer)
    # a dateline anywhere there before a byline: "Laporan Wartawan Tribun Jateng" names the
    # reporter's paper above "TRIBUNNEWS.COM, DEMAK -", the page's
    for pattern, rule in (
        (DOMAIN_DATELINE, N_("dateline")),
        (NAMED_DATELINE, N_("dateline")),
        (BYLINE, N_("byline")),
    ):
        for line in [*header, *opening]:
            m = pattern.match(line)
            if m and (source := publisher_domain(m.group("pub")) or brand_in(m.group("pub"))):
                return SourceEvidence(source, line, rule)
    section: SourceEvidence | None = None
    for line in header:
        if source := brand_line_source(line):
            evidence = SourceEvidence(source, line, N_("site name in the page header"))
            if _section_word(line):
                # "Bisnis" alone in a menu is a section, before it is bisnis.com: the page's
                # other evidence first
                section = section or evidence
                continue
            return evidence
        if source := title_suffix_source(line):
            return SourceEvidence(source, line, N_("site name in the HTML title"))
    for line in footer:
        m = COPYRIGHT.search(line)
        if m and (source := brand_in(m.group("pub"))):
            return SourceEvidence(source, line, N_("copyright footer"))
    for line in footer:
        if source := brand_line_source(line):
            return SourceEvidence(source, line, N_("site name in the page footer"))
    wires = load_toml("sources.toml")["wires"]
    for line in opening:
        m = WIRE_DATELINE.match(line)
        if m and (source := wires.get(m.group("pub").upper())):
            return SourceEvidence(source, line, N_("wire credit"))
    for line in [*body, *footer]:
        m = CREDITED_SOURCE.match(line)
        if m and (source := publisher_domain(m.group("pub")) or brand_in(m.group("pub"))):
            return SourceEvidence(source, line, N_("credited source"))
    return section


def _section_word(line: str) -> bool:
    """A line that is a menu's section whose name is also a brand's ("Bisnis";
    sources.toml `section_names`): a site's name only when nothing else names one."""
    return line.strip() in _table()["section_names"]

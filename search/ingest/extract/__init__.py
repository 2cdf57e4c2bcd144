"""Turning raw scraped text into an Article: title, body, date, source, officials, quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from search.dates import date_span
from search.i18n import gettext
from search.ingest.extract.boilerplate import Layout, split_layout
from search.ingest.extract.boilerplate.lines import (
    CAPTION_CHARS,
    headline_cased,
    is_capture_line,
    is_date_line,
)
from search.ingest.extract.boilerplate.patterns import chrome_patterns
from search.ingest.extract.dates import UPDATED, DateEvidence, find_date
from search.ingest.extract.officials import find_officials
from search.ingest.extract.quotes import find_quotes
from search.ingest.extract.sources import SourceEvidence, find_source
from search.ingest.files import SeedError
from search.model import Article

MIN_BODY_CHARS = 40


@dataclass
class Extraction:
    """An article plus the evidence behind its metadata (for `cari inspect`)."""

    article: Article
    date_evidence: DateEvidence | None
    source_evidence: SourceEvidence | None
    # Fields set by the seed itself (a JSONL record) or a user's override, not by extraction.
    given: dict[str, str] = field(default_factory=dict)


def extract_article(
    text: str, article_id: str, *, url: str | None = None, content_hash: str = ""
) -> Extraction:
    """Parse one page of scraped text. Raises SeedError when no article can be found in it."""
    if not text.strip():
        raise SeedError(gettext("is empty"))
    return extract_layout(split_layout(text), article_id, url=url, content_hash=content_hash)


def extract_layout(
    layout: Layout,
    article_id: str,
    *,
    url: str | None = None,
    content_hash: str = "",
    date_evidence: DateEvidence | None = None,
    source_evidence: SourceEvidence | None = None,
) -> Extraction:
    """Metadata from a page already cut into title, header, body and footer. A date or source
    the caller already knows (a JSONL record's fields) is not searched for in the text."""
    body = "\n\n".join(layout.body)
    if not layout.title or len(body) < MIN_BODY_CHARS:
        raise SeedError(gettext("has no article text (only boilerplate or too short)"))
    # a web archive's or a cache's lines hold the capture's dates and URLs, not the story's
    header = [line for line in layout.header if not is_capture_line(line)]
    footer = [line for line in layout.footer if not is_capture_line(line)]
    left_out = [line for line in layout.left_out if not is_capture_line(line)]
    if date_evidence is None:
        # a site's date of the day over its menu ("Sabtu, 5 Desember 2026" over "Home",
        # "News", ...) read last; a date in the headline ("... Tayang Senin, 8 April 2019") is
        # the story's, read only when no other line of the header dates the page
        today = _dates_of_the_day(layout.header[: layout.above_title])
        dated = sorted(
            header, key=lambda line: (line in today, layout.title in line)
        )  # stable: order kept
        date_evidence = find_date(dated, layout.body, footer)
        if _vague(date_evidence):
            # a date line the model left out of the body ("diperbarui 12 Sep 2019, 16:40
            # WIB" under a byline, over the story) dates the page before a copyright's year
            lines = [line for line in left_out if is_date_line(line) or UPDATED.match(line)]
            dated_again = find_date([*dated, *lines], layout.body, footer) if lines else None
            if not _vague(dated_again):
                date_evidence = dated_again
        if date_evidence is None and left_out:
            # the lines the model left out, read last ("Pendaftaran dibuka mulai 1 Oktober
            # 2019" between paragraphs does not date the page before its copyright's year)
            date_evidence = find_date(dated, layout.body, [*footer, *left_out])
    if source_evidence is None:
        source_evidence = find_source(header, layout.body, [*footer, *left_out], url)
    span = date_span(date_evidence.date) if date_evidence and date_evidence.date else None
    paragraphs = [_without_editor_marks(_without_lost_links(p)) for p in layout.body]
    officials = find_officials(paragraphs, span, layout.title)
    quotes = find_quotes(
        "\n\n".join(paragraphs), officials, span, layout.title, _naming_lines(layout)
    )
    article = Article(
        id=article_id,
        title=layout.title,
        body=body,
        date=date_evidence.date if date_evidence else None,
        source=source_evidence.source if source_evidence else None,
        officials=officials,
        url=url,
        content_hash=content_hash,
        quotes=[replace(q, text=body[q.start : q.end]) for q in quotes],
    )
    return Extraction(article, date_evidence, source_evidence)


# What a removed link leaves in brackets: "Kepala Badan Pengkajian dan Penerapan Teknologi
# (,) Hammam Riza mengatakan" (the short form was the link's text), with the text's character
# before it and the words after it.
_LOST_LINK_ENDS = (",)", ", )", ",\t)")
_LOST_LINK = re.compile(
    r"(?<![ \t])(?P<lost>[ \t]*\([ \t]*,[ \t,]*\))"
    r"(?=[ \t]*(?P<next>[A-Z][a-z]|,[ \t]*[a-z]|,)?)"
)


def _without_lost_links(text: str) -> str:
    """`text` with brackets left empty by a removed link blanked, the same length (offsets
    into it are offsets into `text`): before a name, as the comma that ends a body's name
    before a person's ("Kepala Badan Pengkajian dan Penerapan Teknologi, Hammam Riza
    mengatakan", "peneliti Indonesia Corruption Watch, Kurnia Ramadhana"), or before the
    comma a removed name leaves ("Koordinator Indonesia Corruption Watch, , menuturkan");
    left as written after a comma ("Ketua Majelis Rakyat , ( ,) Timotius Murib"); else as
    nothing ("Wakil Presiden Jusuf Kalla (,) setuju", "Menteri Kelautan dan Perikanan ,
    Pudjiastuti")."""

    def blank(m: re.Match[str]) -> str:
        lost, following = m.group("lost"), m.group("next") or ""
        if text[m.start() - 1 : m.start()] == ",":
            return lost
        comma = following[:1].isupper() or (following.startswith(",") and following != ",")
        return ("," if comma else " ") + " " * (len(lost) - 1)

    if not any(mark in text for mark in _LOST_LINK_ENDS):
        return text  # the cheap test first: most paragraphs hold none
    return _LOST_LINK.sub(blank, text)


# An editor's note closing a bracket: "(Gubernur Riau, Syamsuar-red)", "(Indonesia -red)".
_EDITOR_MARK = re.compile(r"(?<=\w)[ \t]?[-–][ \t]?red(?=[ \t]*\))")


def _without_editor_marks(text: str) -> str:
    """`text` with an editor's note mark ("-red", redaksi) closing a bracket blanked, the
    same length: no part of the name before it ("Syamsuar-red" is Syamsuar)."""
    if "red" not in text:
        return text  # the cheap test first
    return _EDITOR_MARK.sub(lambda m: " " * len(m.group(0)), text)


# A tag under the story: a line of at most this many words.
_TAG_WORDS = 4
# A photo's credit closing its caption: "Vincent Kompany (Foto: Reuters/...)", "AM
# Hendropriyono. ©2019 Merdeka.com/Imam Buhori".
_CREDIT = re.compile(r"[ \t]*(?:©|\((?i:foto|photo)|(?i:foto|photo)[ \t]*:).*$")


def _naming_lines(layout: Layout) -> list[str]:
    """The page's lines outside its story that may write its people's full names: the lines
    under the headline over the story and those the model left out of it (a photo's
    caption without its credit: "Vincent Kompany (Foto: Reuters/...)"; not a headline, its own
    or another's, nor a byline or a bare name over the story, a reporter's), and the short
    lines under it (tags; not the related stories' headlines)."""
    captions = []
    for line in [*layout.header[layout.above_title :], *layout.left_out]:
        if len(line) > CAPTION_CHARS or chrome_patterns().drop_line.search(line):
            continue  # a byline: "Penulis Revi C Rantung", "Ramdani Bur, Jurnalis"
        caption = _CREDIT.sub("", line).rstrip(". ")
        if caption != line.rstrip(". ") or not headline_cased(caption.split()):
            captions.append(caption)  # a credit cut off, or a sentence: not a bare name
    return [*captions, *(line for line in layout.footer if len(line.split()) <= _TAG_WORDS)]


def _vague(evidence: DateEvidence | None) -> bool:
    """No date, or only a month or a year ("Copyright © 2022")."""
    return evidence is None or evidence.date is None or evidence.date.precision != "day"


# A site's menu: this many short lines (of at most _MENU_WORDS words, no digits) in a row.
_MENU_LINES = 3
_MENU_WORDS = 2


def _dates_of_the_day(above: list[str]) -> set[str]:
    """The date lines over the headline that a run of menu items follows: a site's date of the
    day in its header, not the story's."""
    return {
        line
        for i, line in enumerate(above)
        if is_date_line(line)
        and len(menu := above[i + 1 : i + 1 + _MENU_LINES]) == _MENU_LINES
        and all(len(m.split()) <= _MENU_WORDS and not any(c.isdigit() for c in m) for m in menu)
    }

"""Highlighted snippets: the best passage of a text, with query matches marked on the words
as written (a stemmed match marks "pelayanan" for the query "dilayani")."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from html import escape

from search.analysis import word_spans

SNIPPET_CHARS = 280


@dataclass(frozen=True)
class Snippet:
    """A passage of a stored text: `text` is a plain substring of it (plus ellipses) and
    `matches` are (start, end) offsets into `text` of the marked words."""

    text: str
    matches: tuple[tuple[int, int], ...]

    def html(self) -> str:
        """HTML-escaped text with <mark> around each match."""
        out: list[str] = []
        last = 0
        for start, end in self.matches:
            out.append(escape(self.text[last:start]))
            out.append(f"<mark>{escape(self.text[start:end])}</mark>")
            last = end
        out.append(escape(self.text[last:]))
        return "".join(out)


def match_spans(
    text: str, stems: Collection[str], exact: Collection[str] = ()
) -> list[tuple[int, int, str]]:
    """(start, end, stem) of every word of `text` whose stem or exact form the query has
    (a compound's joined form "e-KTP" comes before its parts; overlapping spans are dropped)."""
    spans: list[tuple[int, int, str]] = []
    for stem, form, start, end in word_spans(text):
        if (stem in stems or form in exact) and (not spans or start >= spans[-1][1]):
            spans.append((start, end, stem))
    return spans


def best_snippet(
    text: str, stems: Collection[str], exact: Collection[str] = (), size: int = SNIPPET_CHARS
) -> Snippet:
    """The window of about `size` characters with the most distinct query words (then the most
    matches, then the earliest), cut at word boundaries."""
    spans = match_spans(text, stems, exact)
    if not spans:
        return _cut(text, 0, size, [])
    # Start a little before the first match so it reads as a sentence fragment.
    lead = min(60, size // 4)
    best_start, best_key = 0, (-1, -1)
    for i, (first, _end, _stem) in enumerate(spans):
        start = max(0, first - lead)
        window = [s for s in spans[i:] if s[1] <= start + size - 2]
        key = (len({s[2] for s in window}), len(window))
        if key > best_key:
            best_start, best_key = start, key
    start = best_start
    return _cut(text, start, size, spans)


def _cut(text: str, start: int, size: int, spans: list[tuple[int, int, str]]) -> Snippet:
    end = min(len(text), start + size)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    passage = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    matches = tuple(
        (s - start + len(prefix), e - start + len(prefix))
        for s, e, _ in spans
        if s >= start and e <= end
    )
    return Snippet(prefix + passage.replace("\n", " ") + suffix, matches)


def highlight_all(text: str, stems: Collection[str], exact: Collection[str] = ()) -> str:
    """The whole text as HTML with every match marked (for the article page)."""
    spans = match_spans(text, stems, exact)
    return Snippet(text, tuple((s, e) for s, e, _ in spans)).html()

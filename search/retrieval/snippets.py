"""Highlighted snippets: the best passage of a text, with query matches marked on the words
as written (a stemmed match marks "pelayanan" for the query "dilayani")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from html import escape
from itertools import pairwise

from search.i18n import gettext
from search.lexicon import stopwords
from search.model import Quote, Snippet
from search.query.plan import EXACT_RUN
from search.text.analyzer import fragments_for, word_spans_containing

SNIPPET_CHARS = 280


def match_spans(
    text: str,
    stems: Collection[str],
    exact: Collection[str] = (),
    runs: Collection[tuple[str, ...]] = (),
) -> list[tuple[int, int, str]]:
    """(start, end, stem) of every word of `text` whose stem or exact form the query has
    (a compound's joined form "e-KTP" comes before its parts; overlapping spans are dropped),
    and of the words of each of `runs` (stems) where they come in a row, with only spaces or
    punctuation between them."""
    stems = set(stems)
    exact = set(exact)
    run_stems = {stem for run in runs for stem in run if stem != EXACT_RUN}
    candidates = word_spans_containing(text, fragments_for(stems | run_stems, exact))
    spans: list[tuple[int, int, str]] = []
    in_run = _run_members(text, candidates, runs) if runs else set()
    for i, (stem, form, start, end) in enumerate(candidates):
        wanted = stem in stems or form in exact or i in in_run
        if wanted and (not spans or start >= spans[-1][1]):
            spans.append((start, end, stem))
    return spans


def _run_members(
    text: str, candidates: list[tuple[str, str, int, int]], runs: Collection[tuple[str, ...]]
) -> set[int]:
    """Indexes of the candidate spans that make up one of `runs`: consecutive spans whose
    stems are the run's (or forms, for a run that starts with EXACT_RUN), nothing but spaces
    and punctuation between them, and for a run of stems function words too: the index drops
    them, so "kebakaran hutan dan lahan" is the long form of "karhutla" there, as here."""
    members: set[int] = set()
    for run in runs:
        by_form = run[:1] == (EXACT_RUN,)
        words = run[1:] if by_form else run
        size = len(words)
        for i in range(len(candidates) - size + 1):
            window = candidates[i : i + size]
            if tuple(c[1] if by_form else c[0] for c in window) != words:
                continue
            if all(_only_gap(text[a[3] : b[2]], not by_form) for a, b in pairwise(window)):
                members.update(range(i, i + size))
    return members


def _only_gap(between: str, function_words: bool = False) -> bool:
    """Whether `between` separates two words of a run: a few spaces or punctuation marks,
    and with `function_words` stopwords too ("hutan dan lahan")."""
    words = _GAP_WORD.findall(between)
    if words and not (function_words and all(w.lower() in stopwords() for w in words)):
        return False
    return len(_GAP_WORD.sub("", between)) <= 3 + len(words)


_GAP_WORD = re.compile(r"[^\W_]+")


Span = tuple[int, int, str]


def best_snippet(
    text: str,
    stems: Collection[str],
    exact: Collection[str] = (),
    size: int = SNIPPET_CHARS,
    runs: Collection[tuple[str, ...]] = (),
) -> Snippet:
    """The passage of about `size` characters with the most distinct query words (then the
    most distinct forms of them, then the most matches, then the earliest), cut at word
    boundaries.

    When the text also uses a form of a query word that this passage does not show ("Layanan"
    elsewhere, when the passage has "pelayanan" and "melayani"), the snippet is two passages of
    half the size instead, the second chosen for what the first does not show.
    """
    spans = match_spans(text, stems, exact, runs)
    if not spans:
        return _assemble(text, [_bounds(text, 0, size)], [])
    typed = {f.lower() for f in exact}
    forms = [text[s[0] : s[1]].lower() for s in spans]  # each span's word as written
    every = range(len(spans))
    whole = _bounds(text, _best_start(spans, forms, every, size, set(), set(), typed), size)
    stems_shown, forms_shown = _shown(spans, forms, whole)
    elsewhere = [k for k in every if not (whole[0] <= spans[k][0] and spans[k][1] <= whole[1])]
    if not any(forms[k] not in forms_shown for k in elsewhere):
        return _assemble(text, [whole], spans)
    half = size // 2
    first = _bounds(text, _best_start(spans, forms, every, half, set(), set(), typed), half)
    stems_shown, forms_shown = _shown(spans, forms, first)
    rest = [k for k in every if spans[k][1] <= first[0] or spans[k][0] >= first[1]]
    new = [k for k in rest if spans[k][2] not in stems_shown or forms[k] not in forms_shown]
    if not new:
        return _assemble(text, [whole], spans)
    second = _bounds(
        text, _best_start(spans, forms, rest, half, stems_shown, forms_shown, typed), half
    )
    if second[0] < first[1] and first[0] < second[1]:  # overlapping after word cuts
        return _assemble(text, [whole], spans)
    return _assemble(text, sorted([first, second]), spans)


def quote_snippet(
    quotes: list[Quote],
    stems: Collection[str],
    exact: Collection[str] = (),
    runs: Collection[tuple[str, ...]] = (),
) -> tuple[Snippet, str] | None:
    """The snippet of the quote that best matches the query, and its speaker: the most
    distinct query words (a long form's words, "kebakaran hutan dan lahan" for "karhutla", are
    one), then the most matches, then the first, the first quote too when none holds a query
    word (what the person said in the article, never another's words found by the query
    elsewhere in it shown as theirs). None when there are no quotes."""
    best: tuple[tuple[int, int, int], Quote] | None = None
    for n, quote in enumerate(quotes):
        spans = match_spans(quote.text, stems, exact, runs)
        words = {_query_word(s[2], stems, runs) for s in spans}
        key = (len(words), len(spans), -n)
        if best is None or key > best[0]:
            best = (key, quote)
    if best is None:
        return None
    return best_snippet(best[1].text, stems, exact, runs=runs), best[1].speaker


def _query_word(stem: str, stems: Collection[str], runs: Collection[tuple[str, ...]]) -> object:
    """What a matched word counts as: its stem, or the long form (run) it is a word of."""
    if stem in stems:
        return stem
    return next((run for run in runs if stem in run), stem)


def _shown(
    spans: list[Span], forms: list[str], bounds: tuple[int, int]
) -> tuple[set[str], set[str]]:
    inside = [k for k, s in enumerate(spans) if bounds[0] <= s[0] and s[1] <= bounds[1]]
    return {spans[k][2] for k in inside}, {forms[k] for k in inside}


def _best_start(
    spans: list[Span],
    forms: list[str],
    chosen: Sequence[int],
    size: int,
    stems_shown: set[str],
    forms_shown: set[str],
    typed: set[str],
) -> int:
    """Where the best window of `size` characters over the `chosen` spans (indexes into
    `spans`, ascending; `forms` their words as written, lower-cased) starts: most query words
    not yet shown, then most words as the user typed them, then most other forms not yet
    shown, then most matches, then earliest."""
    # Start a little before the first match so it reads as a sentence fragment.
    lead = min(60, size // 4)
    # Spans do not overlap and come in order, so their ends increase: the spans inside a
    # window starting at span i are spans[i:j], j found by bisection.
    ends = [spans[k][1] for k in chosen]
    window_forms_of = [forms[k] for k in chosen]
    stems = [spans[k][2] for k in chosen]
    # The most a window could have of each: a window scoring no more than the best so far
    # on all four, or ending where the one before it ended (starts only move right, so it
    # holds a part of that one's spans), cannot rank above it and is not counted.
    new_forms = set(window_forms_of) - forms_shown
    most_stems = len(set(stems) - stems_shown)
    most_typed, most_forms = len(new_forms & typed), len(new_forms)
    best_start, best_key = 0, (-1, -1, -1, -1)
    last_j = -1
    for i, k in enumerate(chosen):
        start = max(0, spans[k][0] - lead)
        j = bisect_right(ends, start + size - 2, i)
        if j == last_j:
            continue
        last_j = j
        n = j - i
        if (min(n, most_stems), min(n, most_typed), min(n, most_forms), n) <= best_key:
            continue
        window_forms = set(window_forms_of[i:j]) - forms_shown
        key = (
            len(set(stems[i:j]) - stems_shown),
            len(window_forms & typed),
            len(window_forms),
            n,
        )
        if key > best_key:
            best_start, best_key = start, key
    return best_start


def _bounds(text: str, start: int, size: int) -> tuple[int, int]:
    """A window of at most `size` characters from `start`, moved in to word boundaries."""
    end = min(len(text), start + size)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def _assemble(text: str, windows: list[tuple[int, int]], spans: list[Span]) -> Snippet:
    """The windows' text joined by ellipses, with the offsets of the matches inside them."""
    out = ""
    matches: list[tuple[int, int]] = []
    for start, end in windows:
        if start > 0:
            out += "… " if not out else " … "
        elif out:
            out += " … "
        base = len(out)
        out += text[start:end].replace("\n", " ")
        matches += [
            (s - start + base, e - start + base) for s, e, _ in spans if s >= start and e <= end
        ]
    if windows and windows[-1][1] < len(text):
        out += " …"
    return Snippet(out, tuple(matches))


def highlight_all(
    text: str,
    stems: Collection[str],
    exact: Collection[str] = (),
    runs: Collection[tuple[str, ...]] = (),
    quotes: Sequence[Quote] = (),
) -> str:
    """The whole text as HTML with every match marked (for the article page); each of
    `quotes` (offsets into `text`) as `<q class="quote">` followed by its speaker (a `<q>`, not
    a `<mark>`: marks are the query's matches, counted and stepped through)."""
    spans = [(s, e) for s, e, _ in match_spans(text, stems, exact, runs)]

    def part(start: int, end: int) -> str:
        inside = tuple((s - start, e - start) for s, e in spans if start <= s and e <= end)
        return Snippet(text[start:end], inside).html()

    out: list[str] = []
    last = 0
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.start < last or quote.end > len(text):
            continue
        who = escape(quote.speaker)
        said_as = escape(
            gettext("Said by %(name)s", name=f"{quote.speaker} ({quote.role})")
            if quote.role
            else gettext("Said by %(name)s", name=quote.speaker)
        )
        out.append(part(last, quote.start))
        out.append(
            f'<q class="quote" data-speaker="{who}" title="{said_as}">'
            f'{part(quote.start, quote.end)}</q><sup class="speaker">{who}</sup>'
        )
        last = quote.end
    out.append(part(last, len(text)))
    return "".join(out)

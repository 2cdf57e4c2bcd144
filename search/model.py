"""The types that cross stages: an Article from the seeds, a SearchRequest from the user, and
the SearchResult (hits, facets, timeline) the renderers show. Plain data, no searching."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from typing import Any

from search.config import DEFAULT_FACET_SIZE, DEFAULT_PAGE_SIZE, MAX_FACET_SIZE, SORTS
from search.i18n import format_number, gettext, ngettext

# The filters that take a list of names: what a user types (`official:` in a query,
# `official=` in a URL, `--official` on the command line) -> the SearchRequest field it fills.
# `said`: articles quoting the person (search.ingest.extract.quotes).
LIST_FILTERS = {"official": "officials", "source": "sources", "said": "said"}


@dataclass(frozen=True)
class Official:
    """A person holding public office named in an article, with the role as written."""

    name: str
    role: str


@dataclass(frozen=True)
class Quote:
    """Something a person said in an article: a quotation or reported speech. `text` is
    body[start:end]; `speaker` the person's fullest name in the article, `role` the role the
    article gives them ("" when none)."""

    speaker: str
    role: str
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "role": self.role,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class ArticleDate:
    """A publication date known to a precision: 'day', 'month' or 'year'."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        """ISO 8601 at its precision: '2025', '2022-04', '2022-04-01'."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def from_iso(cls, text: str) -> ArticleDate:
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)  # type: ignore[arg-type]


@dataclass
class Article:
    """One news article, as parsed from a seed."""

    id: str
    title: str
    body: str
    date: ArticleDate | None = None
    source: str | None = None
    officials: list[Official] = field(default_factory=list)
    url: str | None = None
    content_hash: str = ""
    quotes: list[Quote] = field(default_factory=list)

    @property
    def date_iso(self) -> str | None:
        return self.date.iso() if self.date else None

    @property
    def date_precision(self) -> str:
        return self.date.precision if self.date else "none"


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


@dataclass(frozen=True)
class TimelineBar:
    """One bar: matching articles dated within [date_from, date_to] at `precision` or finer
    (or, for a coarse bar, dated only to that month or year)."""

    label: str  # "September 2019", "2019", "10 September 2019", "2019 (year only)"
    tick: str  # a short axis label: "Sep", "2019", "10"
    date_from: dt.date
    date_to: dt.date
    count: int
    coarse: bool = False  # articles dated less precisely than the bars' unit

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "count": self.count,
            "coarse": self.coarse,
        }


@dataclass
class Timeline:
    unit: str = "year"  # "day", "week", "month" or "year"
    bars: list[TimelineBar] = field(default_factory=list)
    undated: int = 0

    @property
    def peak(self) -> int:
        return max((b.count for b in self.bars), default=0)

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bars) + self.undated

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "bars": [b.to_json() for b in self.bars],
            "undated": self.undated,
        }


MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000


def last_page(total: int, page_size: int) -> int:
    reachable = min(total, MAX_RESULT_WINDOW)
    return max(1, -(-reachable // page_size))


class RequestError(ValueError):
    """A bad search parameter (shown to the user; HTTP 400 in the web app)."""


@dataclass(frozen=True)
class OtherFilter:
    """The other people filter that knows a name one filter does not ("Dedi Prasetyo", a
    police spokesman, is quoted but named as no official): `param` ("said" or "official"),
    the index's spelling `name`, how many `articles` it finds, and the `sentence` saying so
    ("Dedi Prasetyo is quoted in 117 articles"), the filter to use written after it."""

    param: str
    name: str
    articles: int
    sentence: str


class UnknownNameError(RequestError):
    """A filter naming no one the index has (or no source): `param` is the filter
    ("official", "said", "source"), `name` the name asked for and `close` the names it may
    have meant, the likeliest first; `other` the other filter that knows the name, if one
    does. The message names them too; `problem` is the message without them (for a page that
    links them instead)."""

    def __init__(
        self,
        problem: str,
        param: str,
        name: str,
        close: tuple[str, ...] = (),
        hint: str = "",
        other: OtherFilter | None = None,
    ) -> None:
        super().__init__(problem + hint)
        self.problem, self.param, self.name, self.close, self.hint, self.other = (
            problem,
            param,
            name,
            close,
            hint,
            other,
        )

    def __reduce__(self) -> tuple:  # pickled as it was made (a worker process's error)
        return (
            type(self),
            (self.problem, self.param, self.name, self.close, self.hint, self.other),
        )


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    officials: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    said: tuple[str, ...] = ()  # speakers: articles quoting any of them
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    # Only articles indexed after this time (epoch seconds): saved queries' --new.
    indexed_after: float | None = None
    undated: bool = False  # only the articles with no date (the timeline's "no date" bucket)
    # The facets and the timeline also count the articles missing some of the words.
    partial: bool = False
    # Search the words as typed, even when nothing matches and a spelling would (no
    # automatic correction).
    as_typed: bool = False
    # The query is being typed: its last word is read as the start of a word (karnav:
    # karnavian), and not corrected.
    complete: bool = False
    # The timeline counts by week where it would count by month, for a year or less (an
    # official's page: a month is too coarse to see when they were in the news).
    weekly: bool = False
    # Every facet counts the articles every filter keeps, its own filter's too (an official's
    # page: the officials named in their articles); by default a facet leaves out its own
    # filter, so choosing a second official or source widens the list.
    facets_filtered: bool = False
    # How many names each facet lists at most: the most frequent (the chosen ones always).
    facet_size: int = DEFAULT_FACET_SIZE

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise RequestError(
                gettext(
                    "unknown sort %(sort)s: use one of %(sorts)s",
                    sort=repr(self.sort[:40]),
                    sorts=", ".join(SORTS),
                )
            )
        if self.page < 1:
            raise RequestError(gettext("page must be 1 or more"))
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise RequestError(
                gettext("page size must be between 1 and %(max)s", max=MAX_PAGE_SIZE)
            )
        if not 1 <= self.facet_size <= MAX_FACET_SIZE:
            raise RequestError(
                gettext("facet size must be between 1 and %(max)s", max=MAX_FACET_SIZE)
            )
        if (self.page - 1) * self.page_size >= MAX_RESULT_WINDOW:
            raise RequestError(
                gettext(
                    "page %(page)s is beyond the first %(window)s results (the last page of"
                    " %(size)s is %(last)s): narrow the search",
                    page=self.page,
                    window=MAX_RESULT_WINDOW,
                    size=self.page_size,
                    last=last_page(MAX_RESULT_WINDOW, self.page_size),
                )
            )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise RequestError(gettext("the 'from' date is after the 'to' date"))
        if self.undated and (self.date_from or self.date_to):
            raise RequestError(
                gettext("'undated' asks for articles with no date: drop 'from' and 'to'")
            )

    def filters_json(self) -> dict[str, Any]:
        """The filters, as a JSON answer or an export states them."""
        return {
            "officials": list(self.officials),
            "sources": list(self.sources),
            "said": list(self.said),
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "undated": self.undated,
            "partial": self.partial,
        }


@dataclass(frozen=True)
class Copy:
    """Another copy of a story (a syndicated, re-run or updated version of an article)."""

    id: str
    source: str | None
    date: str | None
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "date": self.date}


@dataclass
class Hit:
    id: str
    title: str
    date: str | None
    date_precision: str
    source: str | None
    officials: list[Official]
    score: float
    snippet: Snippet
    title_html: str
    url: str | None = None
    # The words of the query the article lacks (a partial match), as typed.
    missing: list[str] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)  # the story's other copies
    # Whose quote the snippet is (a `said` search), None where it is the article's own text.
    snippet_speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source,
            "officials": [{"name": o.name, "role": o.role} for o in self.officials],
            "score": round(self.score, 4),
            "snippet": self.snippet.html(),
            "snippet_text": self.snippet.text,
            "snippet_matches": [list(m) for m in self.snippet.matches],
            "snippet_speaker": self.snippet_speaker,
            "url": self.url,
            "missing": list(self.missing),
            "copies": [c.to_json() for c in self.copies],
        }


@dataclass
class SearchResult:
    """`total`: the articles with all the words (the count a page states); `total_partial`:
    those with some of them, listed after all of those."""

    request: SearchRequest
    total: int
    hits: list[Hit]
    official_counts: list[tuple[str, int]] = field(default_factory=list)
    source_counts: list[tuple[str, int]] = field(default_factory=list)
    said_counts: list[tuple[str, int]] = field(default_factory=list)  # the "Said by" facet
    timeline: Timeline = field(default_factory=Timeline)
    notes: list[str] = field(default_factory=list)
    suggestion: str | None = None
    seconds: float = 0.0
    total_partial: int = 0
    # The query as typed, when it found nothing and a corrected spelling was searched instead.
    corrected_from: str | None = None
    # The stories the results are (copies of one story count once; None: as many as
    # articles): those with all the words, and every result.
    total_stories: int | None = None
    found_stories: int | None = None
    # How many names each facet ("officials", "sources", "said") has in all, of which its
    # list holds the `request.facet_size` most frequent (and the chosen ones).
    facet_totals: dict[str, int] = field(default_factory=dict)

    def facet_total(self, facet: str) -> int:
        """How many names the facet has in all (its list's length when not counted)."""
        return self.facet_totals.get(facet, len(self.facet_lists()[facet]))

    def facet_truncated(self, facet: str) -> bool:
        """Does the facet have more names than its list holds."""
        return self.facet_total(facet) > len(self.facet_lists()[facet])

    def facet_lists(self) -> dict[str, list[tuple[str, int]]]:
        return {
            "officials": self.official_counts,
            "sources": self.source_counts,
            "said": self.said_counts,
        }

    @property
    def found(self) -> int:
        """Every result: those with all the words, then those with some."""
        return self.total + self.total_partial

    @property
    def stories(self) -> int:
        """How many stories the articles with all the words are."""
        return self.total if self.total_stories is None else self.total_stories

    @property
    def found_as_stories(self) -> int:
        """How many stories every result is: what the pages count."""
        return self.found if self.found_stories is None else self.found_stories

    def count_text(self) -> str:
        """How many it found, in words, as `cari query` and `cari saved run` head their
        results: "2 with all the words, 3 with some," or "5 results", and the stories when
        copies make them fewer ("(4 stories)")."""
        some = format_number(self.total_partial)
        if self.total_partial and self.total:
            count = gettext(
                "%(all)s with all the words, %(some)s with some,",
                all=format_number(self.total),
                some=some,
            )
        elif self.total_partial:
            count = gettext("none with all the words, %(some)s with some,", some=some)
        else:
            count = ngettext("%(num)s result", "%(num)s results", self.total)
        if self.stories != self.total:
            count += " " + ngettext("(%(num)s story)", "(%(num)s stories)", self.stories)
        return count

    @property
    def pages(self) -> int:
        """The pages that can be asked for: all of the stories, or the first
        MAX_RESULT_WINDOW of them (a page past those is refused)."""
        return last_page(self.found_as_stories, self.request.page_size)

    def to_json(self) -> dict[str, Any]:
        r = self.request
        return {
            "query": r.query,
            "total": self.total,
            "total_all_words": self.total,
            "total_partial": self.total_partial,
            "corrected_from": self.corrected_from,
            "total_stories": self.stories,
            "page": r.page,
            "page_size": r.page_size,
            "pages": self.pages,
            "sort": r.sort,
            "filters": r.filters_json(),
            "hits": [h.to_json() for h in self.hits],
            "facets": {
                "officials": [{"name": n, "count": c} for n, c in self.official_counts],
                "sources": [{"name": n, "count": c} for n, c in self.source_counts],
                "said": [{"name": n, "count": c} for n, c in self.said_counts],
                "timeline": self.timeline.to_json(),
            },
            "facet_entries": {
                "size": r.facet_size,
                **{
                    facet: {
                        "total_entries": self.facet_total(facet),
                        "truncated": self.facet_truncated(facet),
                    }
                    for facet in self.facet_lists()
                },
            },
            "suggestion": self.suggestion,
            "notes": self.notes,
            "took_ms": round(self.seconds * 1000, 1),
        }


@dataclass
class ArticleView:
    id: str
    title: str
    body: str
    date: str | None
    date_precision: str
    source: str | None
    officials: list[Official]
    url: str | None
    quotes: list[Quote] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)  # the story's other copies

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source,
            "officials": [{"name": o.name, "role": o.role} for o in self.officials],
            "quotes": [q.to_json() for q in self.quotes],
            "url": self.url,
            "copies": [c.to_json() for c in self.copies],
        }

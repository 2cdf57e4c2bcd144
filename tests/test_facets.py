"""The timeline facet: bars by day, month or year, dates kept at their precision, a "no date"
bucket, on the real seeds, on articles of every precision, and on a slice of the corpus."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from search.config import MAX_FACET_SIZE
from search.indexing.build import build_articles
from search.model import Article, ArticleDate, SearchRequest, Timeline, TimelineBar
from search.retrieval.engine import SearchEngine
from search.retrieval.timeline import MAX_MONTH_BARS


@pytest.fixture()
def engine(contract_engine):
    """The seed tests of this module run on the embedded index and on OpenSearch."""
    return contract_engine


def bar_for(timeline: Timeline, iso: str, coarse: bool = False) -> TimelineBar:
    date = ArticleDate.from_iso(iso)
    day = dt.date(date.year, date.month or 1, date.day or 1)
    found = [b for b in timeline.bars if b.coarse == coarse and b.date_from <= day <= b.date_to]
    assert len(found) == 1, (iso, timeline.bars)
    return found[0]


@pytest.mark.parametrize("query", ["dilayani", "birokrasi", "", "presiden"])
def test_seed_timeline_counts_every_match_once(engine: SearchEngine, query: str):
    result = engine.search(SearchRequest(query, page_size=100))
    timeline = result.timeline
    assert timeline.total == result.total
    assert timeline.undated == sum(1 for h in result.hits if h.date is None)
    for hit in result.hits:
        if hit.date:
            assert bar_for(timeline, hit.date).count >= 1
    # bars are contiguous: each starts the day after the previous fine bar ends
    fine = [b for b in timeline.bars if not b.coarse]
    for before, after in itertools.pairwise(fine):
        assert after.date_from == before.date_to + dt.timedelta(days=1)


def test_seed_dates_span_years_so_bars_are_years(engine: SearchEngine):
    result = engine.search(SearchRequest("dilayani"))
    years = {h.date[:4] for h in result.hits if h.date}
    assert result.timeline.unit == "year"
    assert [b.tick for b in result.timeline.bars] == [
        str(y) for y in range(int(min(years)), int(max(years)) + 1)
    ]


def test_a_date_range_zooms_the_timeline_and_clips_its_bars(engine: SearchEngine):
    whole = engine.search(SearchRequest("dilayani")).timeline
    busiest = max(whole.bars, key=lambda b: b.count)
    narrowed = engine.search(
        SearchRequest("dilayani", date_from=busiest.date_from, date_to=busiest.date_to)
    )
    assert narrowed.total == busiest.count
    assert narrowed.timeline.unit in {"day", "month"}
    assert narrowed.timeline.undated == 0
    for bar in narrowed.timeline.bars:
        assert busiest.date_from <= bar.date_from <= bar.date_to <= busiest.date_to


def test_undated_filter_is_the_no_date_bucket(engine: SearchEngine):
    whole = engine.search(SearchRequest("dilayani"))
    undated = engine.search(SearchRequest("dilayani", undated=True))
    assert undated.total == whole.timeline.undated >= 1
    assert all(h.date is None for h in undated.hits)
    assert undated.timeline.bars == []


MIXED = [
    ("d1", ArticleDate(2024, 3, 5)),
    ("d2", ArticleDate(2024, 3, 20)),
    ("d3", ArticleDate(2024, 5, 1)),
    ("m1", ArticleDate(2024, 4)),
    ("y1", ArticleDate(2024)),
    ("y2", ArticleDate(2023)),
    ("n1", None),
]


@pytest.fixture()
def mixed_engine(build_engine):
    """Articles dated to the day, the month and the year, and one with no date."""
    articles = [
        Article(id=i, title=f"Pelayanan publik {i}", body="Pelayanan publik yang baik.", date=d)
        for i, d in MIXED
    ]
    build_engine.build_articles(articles)
    return build_engine.engine()


def test_coarse_dates_get_their_own_bars_never_a_month_they_lack(mixed_engine: SearchEngine):
    timeline = mixed_engine.search(SearchRequest("pelayanan")).timeline
    assert timeline.unit == "month"  # 2023 to 2024: within MAX_MONTH_BARS
    assert timeline.undated == 1 and timeline.total == len(MIXED)
    assert bar_for(timeline, "2024-03").count == 2
    assert bar_for(timeline, "2024-04").count == 1  # the month-precision article
    assert bar_for(timeline, "2024-05").count == 1
    assert bar_for(timeline, "2024", coarse=True).count == 1
    assert bar_for(timeline, "2023", coarse=True).count == 1
    # "2024" is not drawn in January: months start with the first month-or-day-dated match
    assert min(b.date_from for b in timeline.bars if not b.coarse) == dt.date(2024, 3, 1)
    assert [b.date_from.month for b in timeline.bars[-3:]] == [3, 4, 5]
    coarse = [b.label for b in timeline.bars if b.coarse]
    assert coarse == ["2023 (year only)", "2024 (year only)"]


def test_within_a_month_bars_are_days_and_month_only_articles_stand_apart(
    mixed_engine: SearchEngine,
):
    request = SearchRequest(
        "pelayanan", date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31)
    )
    result = mixed_engine.search(request)
    # matches: the two March days, and "2024" (a year overlaps every range)
    assert result.total == 3
    timeline = result.timeline
    assert timeline.unit == "day"
    assert bar_for(timeline, "2024-03-05").count == 1
    assert bar_for(timeline, "2024-03-20").count == 1
    [year_bar] = [b for b in timeline.bars if b.coarse]
    assert year_bar.label == "2024 (year only)" and year_bar.count == 1
    # clipped to the range asked for: the link never widens it
    assert (year_bar.date_from, year_bar.date_to) == (request.date_from, request.date_to)


def test_weeks_asked_for_are_drawn_monday_to_sunday_and_coarse_dates_stand_apart(
    mixed_engine: SearchEngine,
):
    spring = dict(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 5, 31))
    by_month = mixed_engine.search(SearchRequest("pelayanan", **spring)).timeline
    timeline = mixed_engine.search(SearchRequest("pelayanan", weekly=True, **spring)).timeline
    assert by_month.unit == "month" and timeline.unit == "week"
    assert timeline.total == by_month.total
    fine = [b for b in timeline.bars if not b.coarse]
    for before, after in itertools.pairwise(fine):  # contiguous weeks, empty ones included
        assert after.date_from == before.date_to + dt.timedelta(days=1)
    assert all(b.date_from.weekday() == 0 and b.date_to.weekday() == 6 for b in fine)
    assert (fine[0].date_from, fine[-1].date_to) == (dt.date(2024, 3, 4), dt.date(2024, 5, 5))
    assert bar_for(timeline, "2024-03-05").count == 1  # week of Monday 4 March
    assert bar_for(timeline, "2024-03-20").count == 1
    assert bar_for(timeline, "2024-05-01").label == "29 April – 5 May 2024"
    coarse = {b.label: b.count for b in timeline.bars if b.coarse}  # never put in a week
    assert coarse == {"April 2024 (month only)": 1, "2024 (year only)": 1}


def test_weeks_asked_for_over_more_than_a_year_are_months(mixed_engine: SearchEngine):
    timeline = mixed_engine.search(SearchRequest("pelayanan", weekly=True)).timeline
    assert timeline.unit == "month"  # 2023 to May 2024: more than MAX_WEEK_BARS weeks


def test_timeline_json_shape(mixed_engine: SearchEngine):
    data = mixed_engine.search(SearchRequest("pelayanan")).to_json()["facets"]["timeline"]
    assert data["unit"] == "month" and data["undated"] == 1
    first = data["bars"][0]
    assert set(first) == {"label", "from", "to", "count", "coarse"}
    assert sum(b["count"] for b in data["bars"]) + data["undated"] == len(MIXED)


@pytest.mark.corpus
def test_corpus_slice_is_drawn_by_month(tmp_path_factory: pytest.TempPathFactory):
    from tests.corpus import CORPUS, corpus_articles

    if not CORPUS.exists():
        pytest.fail(f"the shared corpus is missing: {CORPUS}")
    articles = list(corpus_articles(limit=120, every=211))
    index_dir = tmp_path_factory.mktemp("corpus-slice")
    build_articles(articles, Path(index_dir))
    engine = SearchEngine(index_dir)
    result = engine.search(SearchRequest(""))
    months = {a.date.iso()[:7] for a in articles if a.date}
    timeline = result.timeline
    assert timeline.total == len(articles)
    assert len(months) > 1  # the sample spans months
    assert timeline.unit == "month" and len(timeline.bars) <= MAX_MONTH_BARS
    for month in months:
        assert bar_for(timeline, month).count == sum(
            1 for a in articles if a.date and a.date.iso()[:7] == month
        )


@pytest.mark.corpus
def test_a_few_articles_of_other_years_get_a_bar_each_and_keep_the_months(
    tmp_path_factory: pytest.TempPathFactory,
):
    """The corpus (2019) with the five seeds (2021-2025): the seeds' years are one bar each
    beside the months of 2019, not a reason to draw everything as one bar for 2019."""
    from tests.conftest import seed_articles
    from tests.corpus import corpus_articles

    seeds = seed_articles()
    articles = list(corpus_articles(limit=400, every=61)) + seeds
    index_dir = tmp_path_factory.mktemp("corpus-and-seeds")
    build_articles(articles, Path(index_dir))
    timeline = SearchEngine(index_dir).search(SearchRequest("")).timeline
    assert timeline.unit == "month"
    assert sum(b.count for b in timeline.bars) == sum(1 for a in articles if a.date)
    seed_years = {a.date.year for a in seeds if a.date} - {2019}
    years = [b for b in timeline.bars if b.date_from.year in seed_years]
    assert {b.label for b in years} == {str(y) for y in seed_years}
    for bar in years:
        assert (bar.date_from.month, bar.date_to.month) == (1, 12)
        assert bar.count == sum(1 for a in articles if a.date and a.date.year == bar.date_from.year)
    assert [b.date_from for b in timeline.bars] == sorted(b.date_from for b in timeline.bars)


QUERIES = ["dilayani", "reformasi birokrasi", '"pelayanan publik"', "birokrasi -presiden", ""]
FILTERS = [
    {},
    {"officials": ("Suhajar Diantoro",)},
    {"officials": ("Suhajar Diantoro", "Tito Karnavian")},
    {"sources": ("kompas.com", "dialeksis.com")},
    {"said": ("Suhajar Diantoro",)},
    {"said": ("Muhammad Hudori", "Akhmad Wiyagus"), "officials": ("Akhmad Wiyagus",)},
    {"date_from": dt.date(2022, 1, 1), "date_to": dt.date(2022, 12, 31)},
    {"date_from": dt.date(2025, 6, 1)},
    {"date_to": dt.date(2021, 12, 31)},
    {"undated": True},
    {"indexed_after": 0.0},
    {"indexed_after": 4e9, "sources": ("kompas.com",)},
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("query", QUERIES)
def test_one_pass_counts_agree_with_whoosh_filters(
    engine, whoosh_engine: SearchEngine, query, filters
):
    """The fast path (postings sets and per-document tables), and OpenSearch's query,
    against the filters written as Whoosh queries, run by Whoosh itself."""
    from whoosh import query as wq
    from whoosh_oracle import filter_query, to_whoosh

    from search.query.plan import parse_query

    request = SearchRequest(query, page_size=100, **filters)
    whoosh_query = to_whoosh(parse_query(query))
    with whoosh_engine.searcher() as s:
        reference = whoosh_query
        if (filters_query := filter_query(request)) is not None:
            reference = wq.And([whoosh_query, filters_query])
        expected = {s.stored_fields(d)["id"] for d in s.docs_for_query(reference)}
    result = engine.search(request)
    assert {h.id for h in result.hits} == expected
    assert result.found == len(expected)
    assert result.total == result.timeline.total == engine.count(request)
    everything = engine.search(replace(request, partial=True))
    assert everything.timeline.total == len(expected) and everything.total == result.total


def test_chosen_officials_stay_listed_even_when_nothing_matches(engine: SearchEngine):
    # an official named only in 2021, with a range after it: nothing matches
    counts = {
        name: count
        for name, count in engine.search(
            SearchRequest(
                "birokrasi", officials=("Muhammad Hudori",), date_from=dt.date(2022, 1, 1)
            )
        ).official_counts
    }
    assert counts["Muhammad Hudori"] == 0


@pytest.mark.parametrize("query", ["", "pelayanan"])
def test_a_facet_lists_its_most_frequent_names_and_counts_the_rest(engine, query: str):
    """A facet lists the facet_size most frequent names (ties by name), as the first of the
    whole list, and says how many there are in all."""
    whole = engine.search(SearchRequest(query, facet_size=MAX_FACET_SIZE))
    for facet, names in whole.facet_lists().items():
        assert whole.facet_total(facet) == len(names) and not whole.facet_truncated(facet)
    officials = whole.official_counts
    assert len(officials) > 3
    # a cut inside a run of equal counts, and one after the first
    tied = next(i for i in range(1, len(officials)) if officials[i - 1][1] == officials[i][1])
    for size in sorted({1, tied, len(officials) - 1}):
        top = engine.search(SearchRequest(query, facet_size=size))
        assert top.official_counts == officials[:size], size
        assert top.facet_total("officials") == len(officials)
        assert top.facet_truncated("officials")
        json = top.to_json()["facet_entries"]
        assert json["officials"] == {"total_entries": len(officials), "truncated": True}
        for facet in ("sources", "said"):
            assert top.facet_lists()[facet] == whole.facet_lists()[facet][:size]
            assert top.facet_total(facet) == whole.facet_total(facet)


def test_facets_can_count_within_their_own_filter_too(engine: SearchEngine):
    """A facet leaves out its own filter (choosing a second official widens the list); asked
    to (`facets_filtered`: an official's page, who is named with them), every facet counts
    the articles every filter keeps."""
    request = SearchRequest("", officials=("Tito Karnavian",))
    widening = dict(engine.search(request).official_counts)
    assert widening["Joko Widodo"] == 2 and widening["Akhmad Wiyagus"] == 1
    within = engine.search(replace(request, facets_filtered=True))
    assert within.total == 1 and within.hits == engine.search(request).hits
    assert within.official_counts == [
        ("Joko Widodo", 1),
        ("Suhajar Diantoro", 1),
        ("Tito Karnavian", 1),
    ]
    one_source = SearchRequest("", sources=("kompas.com",))
    assert len(engine.search(one_source).source_counts) == 4
    assert engine.search(replace(one_source, facets_filtered=True)).source_counts == [
        ("kompas.com", 1)
    ]
    quoting = SearchRequest("", said=("Muhammad Hudori",), facets_filtered=True)
    assert engine.search(quoting).said_counts == [("Muhammad Hudori", 1)]


def test_a_chosen_name_outside_the_most_frequent_is_listed_with_its_count(engine):
    whole = engine.search(SearchRequest("", facet_size=MAX_FACET_SIZE)).official_counts
    name, count = whole[-1]
    chosen = engine.search(SearchRequest("", officials=(name,), facet_size=2))
    assert chosen.official_counts == [*whole[:2], (name, count)]
    assert chosen.facet_total("officials") == len(whole)
    # an official named only in 2021, with a range after it: listed with 0, and counted
    request = SearchRequest(
        "birokrasi", officials=("Muhammad Hudori",), date_from=dt.date(2022, 1, 1)
    )
    every = engine.search(replace(request, facet_size=MAX_FACET_SIZE))
    assert every.official_counts[-1] == ("Muhammad Hudori", 0)
    first = engine.search(replace(request, facet_size=1))
    assert first.official_counts == [every.official_counts[0], ("Muhammad Hudori", 0)]
    assert first.facet_total("officials") == len(every.official_counts)


def test_counts_follow_a_rebuilt_index(tmp_path: Path):
    """The per-reader tables are never reused for another index generation."""
    first = [
        Article(id=i, title="Pelayanan", body="Pelayanan publik.", date=d) for i, d in MIXED[:3]
    ]
    build_articles(first, tmp_path)
    engine = SearchEngine(tmp_path)
    before = engine.search(SearchRequest("pelayanan"))
    assert before.total == 3 and before.timeline.undated == 0
    everything = [
        Article(id=i, title="Pelayanan", body="Pelayanan publik.", date=d) for i, d in MIXED
    ]
    build_articles(everything, tmp_path)
    after = engine.search(SearchRequest("pelayanan"))
    assert after.total == len(MIXED) == after.timeline.total
    assert after.timeline.undated == 1


@pytest.mark.corpus
def test_an_officials_variants_over_the_index_are_one_entry(corpus_engine):
    """The corpus slice names Medan's mayor "Dzulmi Eldin", "T Dzulmi Eldin" and "T. Dzulmi
    Eldin": one entry, counted with every article, and a filter by any of them finds all."""
    every = SearchRequest("", facet_size=MAX_FACET_SIZE)
    counts = dict(corpus_engine.search(every).official_counts)
    assert "T Dzulmi Eldin" not in counts and "T. Dzulmi Eldin" not in counts
    assert "Dzulmi Eldin" in counts
    assert corpus_engine.resolve_officials(("T Dzulmi Eldin",)) == ("Dzulmi Eldin",)
    found = corpus_engine.search(SearchRequest("", officials=("Dzulmi Eldin",), page_size=50))
    tagged = {o.name for hit in found.hits for o in hit.officials}
    assert {"T Dzulmi Eldin", "Dzulmi Eldin"} <= tagged
    assert found.total == counts["Dzulmi Eldin"]


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["", "walikota medan"])
def test_the_most_frequent_officials_are_counted_with_their_variants(corpus_engine, query):
    """Variants are merged before the most frequent names are chosen: the short list is the
    start of the whole one, counts and all."""
    whole = corpus_engine.search(SearchRequest(query, facet_size=MAX_FACET_SIZE))
    for size in (1, 5, 20):
        top = corpus_engine.search(SearchRequest(query, facet_size=size))
        assert top.official_counts == whole.official_counts[:size]
        assert top.facet_total("officials") == len(whole.official_counts)


@pytest.mark.corpus
def test_every_facet_entry_filters_by_its_own_spelling(corpus_engine):
    """A facet entry is a filter that finds its articles."""
    every = SearchRequest("", facet_size=MAX_FACET_SIZE)
    counts = dict(corpus_engine.search(every).official_counts)
    for name in counts:
        assert corpus_engine.resolve_officials((name,)) == (name,)


def test_a_name_with_a_curly_apostrophe_filters_as_written_and_plain():
    """The facet over the corpus lists "Mar’ie Muhammad"; choosing it was refused as 'no
    article names the official'. The index's spellings are looked up with plain apostrophes,
    as a user's are."""
    from search.retrieval.doctable import lower_spellings
    from search.retrieval.resolving import resolve_people

    known = lower_spellings(["Mar’ie Muhammad", "Joko Widodo"], {})
    for typed in ("Mar’ie Muhammad", "mar'ie muhammad"):
        assert resolve_people((typed,), known, "official", partial=False) == ("Mar’ie Muhammad",)

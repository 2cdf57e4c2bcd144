"""search/retrieval/opensearch_engine.py gives the embedded engine's results over the same
articles (the seeds, and corpus articles): the same counts, facets, stories, spelling corrections, completions and
copies; the same order where no score decides it (dates, and equal scores: by article id);
and scores within a hair of each other where one does (OpenSearch keeps field lengths less
precisely, so near-equal scores may swap)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from search.model import SearchRequest

# Scores on the two engines differ by at most this share, and by MEAN_TOLERANCE on average
# over a page: each keeps a field's length in one byte, by different codes (Whoosh rounds a
# length up to within 3.5 %, Lucene down to within 12.5 %).
SCORE_TOLERANCE = 0.08
MEAN_TOLERANCE = 0.03

QUERIES = [
    ("korupsi", {}),
    ("kebakaran hutan riau", {}),
    ("iuran bpjs kesehatan naik", {}),
    ("pencemaran sungai", {}),  # mostly partial matches: each scores its share of the idf
    ('"ibu kota" kalimantan -jakarta', {}),
    ("tito karnavian", {}),  # an official named: the tag and subject bonuses
    ("sandi", {}),  # a short name: the full name (Sandiaga) is an alternative
    # a name and a common word typed alone: the articles writing it only in lower case last
    ("palu", {}),
    ("serang", {}),
    ("jokowi", {"page": 2}),
    ("banjir jakarta", {"partial": True}),
    ("pasar minggu", {"partial": True}),  # a place of several words: complete as a phrase
    ("banjir jakarta utara", {"partial": True}),  # a place's share: its words' idf together
    ("ibu kota baru", {"partial": True}),  # a common phrase holding a place's name: words
    ("anies trotoar", {"partial": True}),  # the subject's bonus only with every concept
    ("wiranto penusukan", {"partial": True}),  # a name beside a topic weighs NAMED_WEIGHT
    ("tito karnavian papua", {"partial": True}),  # each of the name's words weighs it
    ("kereta rel listrik", {"partial": True}),  # a long form: complete as a phrase (or KRL)
    ("sampah plastik", {}),  # several concepts' words close together: NEAR_BOOST
    ("kecelakaan lalu lintas", {}),  # a compound (lalu lintas) is one concept
    ("birokra*", {}),  # a prefix: the lexicon's words
    ("title:banj*", {}),
    # a prefix or an exact: part beside OR: one side of it (its words score, the prefix finds)
    ("banjir OR rob*", {}),
    ("banjir OR rob* jakarta", {"partial": True}),
    ('exact:"tanah longsor" OR banjir', {}),
    ("title:banjir OR jakar*", {"page": 2}),
    ("tito karnav", {"complete": True}),  # the word being typed
    ("presidn jokowi", {}),  # no article has "presidn": corrected
    ("presidn jokowi", {"as_typed": True}),
    ("mentri keuangan", {"as_typed": True}),  # a suggestion only
    ("", {"sort": "newest"}),
    ("", {"sort": "oldest", "page": 3}),
    ("polisi", {"sort": "newest", "page": 2}),
    ("jakarta", {"sort": "oldest"}),
    ("presiden", {"facet_size": 3}),  # the most frequent names, and how many in all
    ("presiden", {"facet_size": 2, "officials": ("Tito Karnavian",)}),
    # every variant group of the slice among few names: merged, then the most frequent
    ("", {"facet_size": 1, "sort": "newest"}),
    ("pemerintah", {"facet_size": 7}),
    ("korupsi", {"facet_size": 4, "partial": True}),
]


def _both(corpus_engine, corpus_opensearch_engine, query: str, options: dict):
    request = SearchRequest(query, page_size=20, **options)
    return corpus_engine.search(request), corpus_opensearch_engine.search(request)


def _summary(result) -> tuple:
    return (
        result.request.query,
        result.corrected_from,
        result.suggestion,
        result.total,
        result.total_partial,
        result.stories,
        result.found_as_stories,
        result.official_counts,
        result.source_counts,
        result.said_counts,
        result.facet_totals,
        result.timeline,
    )


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "options"), QUERIES)
def test_both_engines_count_correct_and_complete_alike(
    corpus_engine, corpus_opensearch_engine, query, options
):
    embedded, cluster = _both(corpus_engine, corpus_opensearch_engine, query, options)
    assert embedded.found, "a query that finds nothing checks little"
    assert _summary(cluster) == _summary(embedded)


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "options"), [q for q in QUERIES if "sort" in q[1]])
def test_both_engines_list_by_date_alike(corpus_engine, corpus_opensearch_engine, query, options):
    """Equal dates are ordered by article id on both, and each story shown by the same
    copy with the same other copies."""
    embedded, cluster = _both(corpus_engine, corpus_opensearch_engine, query, options)
    assert [h.id for h in cluster.hits] == [h.id for h in embedded.hits]
    assert [h.copies for h in cluster.hits] == [h.copies for h in embedded.hits]


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "options"), [q for q in QUERIES if "sort" not in q[1]])
def test_both_engines_rank_alike(corpus_engine, corpus_opensearch_engine, query, options):
    """Nine in ten of the same articles on the page, each with nearly the same score, what
    it misses and its other copies."""
    embedded, cluster = _both(corpus_engine, corpus_opensearch_engine, query, options)
    ours = {h.id: h for h in cluster.hits}
    shared = [h for h in embedded.hits if h.id in ours]
    assert len(shared) >= 0.9 * len(embedded.hits)
    differences = []
    for hit in shared:
        other = ours[hit.id]
        differences.append(abs(other.score - hit.score) / hit.score)
        assert differences[-1] <= SCORE_TOLERANCE, hit.id
        assert (other.missing, other.copies) == (hit.missing, hit.copies), hit.id
    assert sum(differences) <= MEAN_TOLERANCE * len(differences)


@pytest.mark.corpus
def test_the_same_copies_stand_for_their_stories(corpus_engine, corpus_opensearch_engine):
    """Every article of a copy group in the slice shows the same other copies on both."""
    embedded = corpus_engine.search(SearchRequest("", page_size=100, page=1))
    grouped = set()
    page = 1
    while len(grouped) < 10 and page <= embedded.pages:
        hits = corpus_engine.search(SearchRequest("", page_size=100, page=page)).hits
        grouped |= {h.id for h in hits if h.copies}
        page += 1
    assert grouped, "the slice has copies"
    for article_id in sorted(grouped):
        want = corpus_engine.article(article_id)
        got = corpus_opensearch_engine.article(article_id)
        assert got is not None and got.copies == want.copies


# The kinds of query of the benchmarks' mix, in the seeds' words.
SEED_QUERIES = [
    ("dilayani", {}),
    ("pelayanan publik", {}),
    ('"pelayanan publik"', {}),
    ('"reformasi birokrasi" -jokowi', {}),
    ("birokrasi", {"officials": ("Suhajar Diantoro",)}),
    ("pelayanan", {"sources": ("kompas.com",)}),
    ("aparatur", {"sort": "newest"}),
    ("aparatur", {"sort": "oldest"}),
    ("", {"date_from": dt.date(2019, 1, 1)}),
    ("title:birokrasi", {}),
    ("birokra*", {}),
    ("birokasi", {}),
    ("reformasi birok", {"complete": True}),
    ("kemendagri OR jokowi", {}),
]


@pytest.mark.parametrize(("query", "options"), SEED_QUERIES)
def test_both_engines_give_the_same_page_on_the_seeds(
    engine, seed_opensearch_engine, query, options
):
    request = SearchRequest(query, **options)
    embedded, cluster = engine.search(request), seed_opensearch_engine.search(request)
    assert embedded.found
    assert _summary(cluster) == _summary(embedded)
    assert [(h.id, h.missing, h.copies) for h in cluster.hits] == [
        (h.id, h.missing, h.copies) for h in embedded.hits
    ]


# Searches whose deep pages are walked with search_after: by score, by score with the
# articles that have some of the words after those with all (page 5 lies among those), by date.
WALKED = [
    ("jokowi", {}),
    ("banjir jakarta", {"partial": True}),
    ("", {"sort": "newest"}),
]


def _rows(result) -> list[tuple]:
    return [(h.id, h.score, h.missing, h.copies) for h in result.hits]


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "options"), WALKED)
def test_pages_walked_with_search_after_are_the_collapsed_pages(
    corpus_opensearch_engine, monkeypatch, query, options
):
    """A page walked with search_after (here every page, a few articles a step, so copies of
    one story fall in different steps) lists the stories that collapsing with from/size
    lists, each by the same article with the same score, missing words and copies."""
    from search.retrieval import opensearch_engine

    requests = [SearchRequest(query, page_size=20, page=p, **options) for p in (1, 2, 5)]
    collapsed = [corpus_opensearch_engine.search(r) for r in requests]
    monkeypatch.setattr(opensearch_engine, "COLLAPSE_WINDOW", 0)
    monkeypatch.setattr(opensearch_engine, "WALK_BATCH", 7)
    walked = [corpus_opensearch_engine.search(r) for r in requests]
    assert all(len(r.hits) == 20 for r in collapsed)
    for want, got in zip(collapsed, walked, strict=True):
        assert _summary(got) == _summary(want)
        assert _rows(got) == _rows(want)


@pytest.mark.corpus
def test_a_page_past_the_index_result_window_is_listed(
    corpus_engine, corpus_opensearch_engine, monkeypatch
):
    """With the index's max_result_window lowered to 1,000, stories 1,001 to 1,100 cannot be
    asked for with from/size, and are still listed (walked with search_after), as they were
    under the default window and as the embedded engine lists them."""
    from opensearchpy import RequestError as Refused

    from search.indexing.opensearch_index import live_index
    from search.retrieval import opensearch_engine

    engine = corpus_opensearch_engine
    requests = [SearchRequest("", sort=s, page_size=100, page=11) for s in ("newest", "oldest")]
    wanted = [engine.search(r) for r in requests]
    index = live_index(engine.client, engine.alias)
    engine.client.indices.put_settings(index=index, body={"index": {"max_result_window": 1000}})
    try:
        with pytest.raises(Refused, match="window is too large"):
            engine.client.search(index=index, body={"from": 1000, "size": 100})
        monkeypatch.setattr(opensearch_engine, "COLLAPSE_WINDOW", 1000)
        got = [engine.search(r) for r in requests]
    finally:
        engine.client.indices.put_settings(index=index, body={"index": {"max_result_window": None}})
    for request, want, found in zip(requests, wanted, got, strict=True):
        assert len(want.hits) == 100 and _rows(found) == _rows(want)
        assert [h.id for h in found.hits] == [h.id for h in corpus_engine.search(request).hits]


@pytest.mark.corpus
def test_a_search_reads_the_index_content_once(corpus_opensearch_engine, monkeypatch):
    """Which index the alias points at is read once per search, not again for its names, its
    variants and each of its sub-requests; the names and variants are read once per index
    content."""
    from search.indexing import opensearch_index

    engine = corpus_opensearch_engine
    reads: list[str] = []
    live_index = opensearch_index.live_index

    def counted(client, alias):
        reads.append(alias)
        return live_index(client, alias)

    request = SearchRequest("tito karnavian korupsi", partial=True, officials=("Tito Karnavian",))
    engine.search(request)
    assert engine._known_names().variants, "the slice has variant groups: QUERIES merge them"
    names = []
    monkeypatch.setattr(engine, "_officials_of", lambda name: names.append(name) or [])
    monkeypatch.setattr(opensearch_index, "live_index", counted)
    engine.search(dataclasses.replace(request, page=2, facet_size=3))
    assert reads == [engine.alias]
    engine.found(request)
    assert reads == [engine.alias] * 2
    assert names == [], "the names and variants kept for the index content"


def test_the_officials_facet_counts_the_names_it_lists_and_the_variant_groups():
    """With variant groups, the facet asks for the request's facet_size most frequent names
    outside them and for each name of the groups, not for every name of the index."""
    from search.query.plan import parse_query
    from search.retrieval.opensearch_query import request_body

    merged = {"Joko Widodo": ("Joko Widodo", "Jokowi", "Joko Widodo Jokowi")}
    body = request_body(parse_query("banjir"), SearchRequest("banjir", facet_size=5), merged=merged)
    aggs = body["aggs"]["officials"]["aggs"]
    members = sorted(merged["Joko Widodo"])
    assert aggs["names"]["terms"]["size"] == 5
    assert aggs["names"]["terms"]["exclude"] == members
    assert aggs["members"]["terms"] | {"field": "officials"} == {
        "field": "officials",
        "size": 3,
        "include": members,
    }


def _bools(query) -> list[dict]:
    """Every bool query inside `query`."""
    if isinstance(query, list):
        return [b for q in query for b in _bools(q)]
    if not isinstance(query, dict):
        return []
    found = [query["bool"]] if isinstance(query.get("bool"), dict) else []
    return found + [b for value in query.values() for b in _bools(value)]


@pytest.mark.parametrize(
    ("query", "sides"),
    [
        ("banjir OR rob*", ('"banjir"', '"robot"')),
        ('exact:"tanah longsor" OR banjir', ('"tanah longsor"', '"banjir"')),
        ("title:papua OR wamena*", ('"papua"', '"wamenanya"')),
    ],
)
def test_a_prefix_or_an_exact_part_beside_or_is_one_side_of_a_required_group(query, sides):
    """The builder reads a prefix or an exact: part typed beside OR as one unit of its OR
    group: a required filter of one should clause each side (minimum_should_match 1), not
    a must of its own (OR read as AND)."""
    import json

    from search.query.plan import parse_query
    from search.retrieval.opensearch_query import plan_query

    prefixes = {
        (field, prefix): ["robot", "rob"] if prefix == "rob" else ["wamenanya"]
        for field in ("title_exact", "body_exact")
        for prefix in ("rob", "wamena")
    }
    built = plan_query(parse_query(query), prefixes=prefixes)

    def holds(clause: dict, text: str) -> bool:
        return text in json.dumps(clause)

    groups = [
        b["filter"][0]["bool"]["should"]
        for b in _bools(built)
        if list(b) == ["filter"] and holds(b, sides[0]) and holds(b, sides[1])
    ]
    assert groups, "no required group holds both sides"
    (group,) = groups
    assert len(group) == 2
    assert [holds(c, sides[0]) for c in group] == [True, False]
    assert [holds(c, sides[1]) for c in group] == [False, True]

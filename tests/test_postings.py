"""The numpy postings (search.retrieval.postings) and what is computed from them (phrases, matching,
ranking, snippet spans), checked against Whoosh's own answers on a slice of the shared
corpus, with two segments and deletions, the shape an updated index has."""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pytest
from whoosh import query as q
from whoosh_oracle import to_whoosh

from search.indexing import store
from search.indexing.build import build_articles
from search.ingest.records import extract_record
from search.model import SearchRequest
from search.query.plan import QueryPlan, parse_query
from search.retrieval import phrases as phrase_module
from search.retrieval import postings as postings_module
from search.retrieval.engine import SearchEngine
from search.retrieval.matching import plan_docs
from search.retrieval.phrases import phrase_docs
from search.retrieval.postings import clear_cache, reader_arrays
from search.retrieval.ranking import rank_docs, term_scores
from search.retrieval.snippets import match_spans
from search.text.analyzer import word_spans
from tests.conftest import corpus_records

ARTICLES = 500
DELETED = 40
TEXT_FIELDS = ("title", "body", "title_exact", "body_exact")
QUERIES = [
    "presiden",
    "jakarta banjir",
    "presiden jokowi",
    "pelayanan kesehatan",
    '"ibu kota"',
    "korupsi -kpk",
    "polisi tangkap pelaku",
    "title:jokowi",
    "pemerintah AND daerah",
    "kebakaran hutan riau",
    "ekonomi OR rupiah",
    "menteri*",
    "banjir OR rob*",  # a prefix beside OR: one side of it
    'exact:"tanah longsor" OR banjir jakarta',
    "dilayani",
    "komisi pemberantasan korupsi",
]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A slice of the corpus in two segments, with deletions in the first (the second added
    by Whoosh's own writer, title and body only)."""
    records = corpus_records(ARTICLES + 20)
    index_dir = Path(tmp_path_factory.mktemp("postings-index"))
    # Extracted, so the first segment also has the facets' fields (officials, said, source).
    first = [extract_record(r).article for r in records[:ARTICLES]]
    build_articles(first, index_dir, workers=1)
    ix = store.require_live(index_dir).open()
    with ix.writer() as writer:
        writer.merge = False
        for article in first[:DELETED]:
            writer.delete_by_term("id", article.id)
        for r in records[ARTICLES:]:
            writer.add_document(id=r["id"], title=r["title"], body=r["body"])
    return index_dir


@pytest.fixture
def searcher(corpus_index: Path):
    clear_cache()
    with store.require_live(corpus_index).searcher() as s:
        yield s


def _sample_terms(s, fieldname: str, count: int = 40) -> list[str]:
    terms = [t.decode("utf-8") for t in s.reader().lexicon(fieldname)]
    random.Random(fieldname).shuffle(terms)
    common = sorted(terms, key=lambda t: -s.reader().doc_frequency(fieldname, t))[:5]
    return common + terms[:count]


def test_the_slice_has_two_segments_and_deletions(searcher):
    leaves = searcher.reader().leaf_readers()
    assert len(leaves) == 2
    assert searcher.reader().has_deletions()


@pytest.mark.parametrize("fieldname", TEXT_FIELDS)
def test_postings_are_whooshs_ids_weights_and_positions(searcher, fieldname: str):
    arrays = reader_arrays(searcher.reader())
    for term in _sample_terms(searcher, fieldname):
        postings = arrays.postings(fieldname, term)
        live = postings.docs[arrays.live[postings.docs]]
        matcher = searcher.reader().postings(fieldname, term)
        expected, weights, positions = [], [], []
        while matcher.is_active():
            expected.append(matcher.id())
            weights.append(matcher.weight())
            positions.append(matcher.value_as("positions"))
            matcher.next()
        assert live.tolist() == expected, term
        index = np.searchsorted(postings.docs, live)
        assert np.allclose(postings.weights[index], weights), term
        assert postings.positions_of(live) == positions, term


@pytest.mark.parametrize("fieldname", ("title", "body", "officials", "said", "source"))
def test_a_fields_postings_in_one_pass_are_each_terms_live_documents(searcher, fieldname: str):
    """field_postings reads each segment's terms in one pass (the facet tables' names): the
    same terms, in the lexicon's order, with the same live documents as Whoosh's matchers."""
    expected = []
    for raw in searcher.reader().lexicon(fieldname):
        matcher = searcher.reader().postings(fieldname, raw)
        docs = []
        while matcher.is_active():
            docs.append(matcher.id())
            matcher.next()
        if docs:
            expected.append((raw.decode("utf-8"), docs))
    found = reader_arrays(searcher.reader()).field_postings(fieldname)
    assert len(expected) > (1000 if fieldname in ("title", "body") else 0)
    assert [(term, docs.tolist()) for term, docs in found] == expected


def test_field_lengths_are_whooshs(searcher):
    arrays = reader_arrays(searcher.reader())
    for fieldname in ("title", "body"):
        lengths = arrays.lengths(fieldname)
        for docnum in range(0, arrays.size, 7):
            assert lengths[docnum] == (searcher.reader().doc_field_length(docnum, fieldname) or 0)
        assert arrays.average_length(fieldname) == pytest.approx(
            searcher.avg_field_length(fieldname)
        )


def test_documents_and_weights_stay_cached_when_positions_do_not(searcher, monkeypatch):
    """Positions take most of a term's bytes and only phrases and the lede bonus read them:
    a term's documents and weights are cached apart, so they stay decoded when its
    positions are dropped."""
    monkeypatch.setattr(postings_module, "_positions", postings_module.LRU(1))
    arrays = reader_arrays(searcher.reader())
    terms = ["presiden", "jakarta", "layan"]
    first = {t: arrays.postings("body", t).position_keys() for t in terms}
    assert len(postings_module._positions._items) == 1
    cached = [key[-1] for key in postings_module._cache._items if key[-2] == "body"]
    assert set(terms) <= set(cached)
    assert all(
        isinstance(item, postings_module.DocWeights)
        for item in postings_module._cache._items.values()
    )
    for t in terms:  # read again, the same
        assert np.array_equal(arrays.postings("body", t).position_keys(), first[t])


def _bigrams(s, fieldname: str) -> list[list[str]]:
    """Word pairs that occur in the stored bodies (so the phrases do match somewhere)."""
    pairs = []
    for docnum in range(0, 200, 13):
        words = [w for stem, w, _, _ in word_spans(s.stored_fields(docnum).get("body", ""))]
        if fieldname == "body":
            words = [stem for stem, _, _, _ in word_spans(s.stored_fields(docnum)["body"])]
            words = [w for w in words if w]
        if len(words) > 20:
            pairs.append(words[10:12])
            pairs.append(words[15:18])
    return pairs


@pytest.mark.parametrize("fieldname", ["body", "body_exact"])
@pytest.mark.parametrize("slop", [1, 3])
@pytest.mark.parametrize("per_document", [0, 10**9], ids=["by-keys", "per-document"])
@pytest.mark.parametrize("positions", ["cached", "read-again"])
def test_phrases_match_what_whoosh_phrases_match(
    searcher, fieldname: str, slop: int, per_document: int, positions: str, monkeypatch
):
    monkeypatch.setattr(phrase_module, "PER_DOCUMENT_CHECKS", per_document)
    if positions == "read-again":  # no positions kept, each document's decoded alone
        monkeypatch.setattr(postings_module, "_positions", postings_module.LRU(1))
        monkeypatch.setattr(postings_module, "SOME_DOCS", 10**9)
    arrays = reader_arrays(searcher.reader())
    phrases = [*_bigrams(searcher, fieldname), ["ibu", "kota"], ["kota", "kota"]]
    matched = 0
    for words in phrases:
        ours = set(phrase_docs(arrays, fieldname, words, slop).tolist())
        whoosh = set(searcher.docs_for_query(q.Phrase(fieldname, words, slop=slop)))
        assert ours == whoosh, words
        matched += bool(whoosh)
    assert matched >= len(phrases) // 2


@pytest.mark.parametrize("text", QUERIES)
def test_matching_sets_are_whooshs(searcher, text: str):
    plan = parse_query(text)
    ours = set(plan_docs(searcher, plan).tolist())
    assert ours == set(searcher.docs_for_query(to_whoosh(plan)))
    assert ours, text


@pytest.mark.parametrize(
    "fieldname,term",
    [("body", "presiden"), ("body", "jakarta"), ("body", "layan"), ("title", "jokowi")],
)
def test_term_scores_are_whooshs_bm25f(searcher, fieldname: str, term: str):
    arrays = reader_arrays(searcher.reader())
    scores = np.zeros(arrays.size, dtype=np.float32)
    term_scores(arrays, fieldname, term, scores, 1.0)
    hits = searcher.search(q.Term(fieldname, term), limit=None, optimize=False)
    assert len(hits) > 0
    for score, docnum in hits.top_n:
        assert math.isclose(scores[docnum], score, rel_tol=1e-4), (term, docnum)


def test_ranking_returns_the_best_of_the_matches_in_order(searcher):
    arrays = reader_arrays(searcher.reader())
    parsed = parse_query("presiden jokowi")
    matched = plan_docs(searcher, parsed)
    ranked = rank_docs(arrays, parsed, matched, 30)
    assert len(ranked) == 30
    assert {d for _, d in ranked} <= set(matched.tolist())
    assert [s for s, _ in ranked] == sorted((s for s, _ in ranked), reverse=True)
    both = set(arrays.postings("body", "presiden").docs.tolist())
    both &= set(arrays.postings("body", "jokowi").docs.tolist())
    assert both
    # All the words before some of them: the best hit has both.
    assert ranked[0][1] in both


def test_engine_hits_have_every_word_first(corpus_index: Path):
    engine = SearchEngine(corpus_index)
    result = engine.search(SearchRequest("pelayanan kesehatan", page_size=5))
    assert result.total > 5
    for hit in result.hits:
        text = (hit.title + " " + hit.snippet.text).lower()
        assert "layan" in text and "sehat" in text, hit.id


def test_deleted_articles_are_never_matched(searcher):
    arrays = reader_arrays(searcher.reader())
    assert int((~arrays.live).sum()) == DELETED
    everything = plan_docs(searcher, QueryPlan())
    assert arrays.live[everything].all()
    assert len(everything) == searcher.doc_count()


def test_snippet_spans_are_those_of_a_full_tokenization(searcher):
    """Snippets look only at the words containing a piece of a query word: the same spans as
    stemming every word of the text."""
    checked = 0
    for docnum in range(0, searcher.doc_count_all(), 11):
        if searcher.reader().is_deleted(docnum):
            continue
        body = searcher.stored_fields(docnum).get("body", "")
        for text in [*QUERIES, "menyapu", "e-ktp", "berikan", "kota-kota", "pemukulan"]:
            parsed = parse_query(text)
            stems, exact = parsed.stems(), parsed.exact_forms()
            full: list[tuple[int, int, str]] = []
            for stem, form, start, end in word_spans(body):
                if (stem in stems or form in exact) and (not full or start >= full[-1][1]):
                    full.append((start, end, stem))
            assert match_spans(body, stems, exact) == full, (docnum, text)
            checked += bool(full)
    assert checked > 50


def test_a_terms_postings_are_read_once_for_every_reader_of_the_same_index(seed_index: Path):
    """Kept as the flat files hold them (reader numbers as int32, the files' weights),
    shared by a second reader of the same segments, read again after clear_cache, and
    widened for each search (int64 documents, float32 weights) without the cache keeping
    the wider arrays."""
    generation = store.require_live(seed_index)
    with generation.searcher() as first, generation.searcher() as second:
        arrays = reader_arrays(first.reader())
        found = arrays.postings("body", "layan")
        assert len(found) and found.docs.dtype == np.int64 and found.weights.dtype == np.float32
        assert found.stored_docs.dtype == np.int32
        assert found.stored_weights.dtype in (np.uint8, np.float32)
        assert found.nbytes < 1000 + 8 * len(found)  # 12 bytes a posting widened
        shared = reader_arrays(second.reader()).postings("body", "layan")
        assert shared.stored_docs is found.stored_docs
        assert shared.stored_weights is found.stored_weights
        assert arrays._terms.size == sum(item.nbytes for item in arrays._terms._items.values())
        clear_cache()
        again = reader_arrays(first.reader()).postings("body", "layan")
        assert again.stored_docs is not found.stored_docs
        assert np.array_equal(again.docs, found.docs)
        assert np.array_equal(again.weights, found.weights)
        whoosh = first.reader().postings("body", "layan")
        assert again.docs.tolist() == list(whoosh.all_ids())


def test_a_words_articles_are_counted_by_whoosh_while_a_segment_lacks_its_flat_file(searcher):
    """Suggestions count a word's live articles from the segments' flat postings files
    (tests/test_flat_postings.py); while a segment lacks its file (this index's second,
    in one compound file), they ask Whoosh, less the deleted articles."""
    from search.query.terms import ReaderTerms

    reader = searcher.reader()
    counted = reader_arrays(reader).doc_frequency
    terms = ReaderTerms(reader, counted)
    words = _sample_terms(searcher, "body_exact")
    assert all(counted("body_exact", word) is None for word in words)
    for word in words:
        live = sum(1 for _ in reader.postings("body_exact", word).all_ids())
        assert terms.doc_frequency("body_exact", word) == live, word

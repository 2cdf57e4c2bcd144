"""search/retrieval/ranking.py: every query with words is ranked by relevance, required words
(AND, +word) and filters included."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from search.config import ALL_WORDS_BOOST, NEAR_BOOST, PHRASE_BOOST
from search.model import RequestError, SearchRequest
from search.query.plan import parse_query
from search.retrieval.ranking import near_boost
from search.text.case import written_capitalised

ANIES = "clickid-96687247de06fd55"  # Anies Baswedan Andalkan Ini Buat Antisipasi Banjir Jakarta


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["banjir AND jakarta", "+banjir +jakarta"])
def test_required_words_are_ranked(corpus_engine, query):
    """The article about Jakarta's floods comes first, above articles that name *banjir*
    once; every hit has a score."""
    result = corpus_engine.search(SearchRequest(query, page_size=20))
    assert result.hits[0].id == ANIES
    assert all(h.score > 0 for h in result.hits)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert result.total == corpus_engine.search(SearchRequest("banjir jakarta")).total


# The kinds of query the benchmarks time (single words, several words, phrases, exclusions,
# filters), as newsroom users type them.
QUERY_MIX = [
    "korupsi", "karhutla", "dilayani", "pemindahan", "habibie", "rkuhp", "mahasiswa",
    "kebakaran hutan riau", "demo mahasiswa dpr", "iuran bpjs kesehatan naik",
    "harga cabai pasar", "pelantikan presiden wakil presiden", "kabinet menteri baru",
    "polisi tangkap pelaku pembunuhan", "rupiah dolar bank indonesia", '"ibu kota"',
    '"revisi uu kpk"', '"hak asasi manusia" papua', '"ibu kota" kalimantan -jakarta',
    "korupsi -kpk", "banjir -jakarta", "ibu kota", "title:banjir", "birokra*",
    'exact:"tidak akan"', "official:jokowi ekonomi", "source:tempo.co banjir",
]  # fmt: skip


@pytest.mark.corpus
def test_no_hit_of_a_worded_query_scores_zero(corpus_engine):
    """Over the query mix, and its queries of plain words with AND between them (or + before
    each): a query with words to find scores each hit."""
    plain = [q for q in QUERY_MIX if len(q.split()) > 1 and all(w.isalpha() for w in q.split())]
    queries = QUERY_MIX + [" AND ".join(q.split()) for q in plain]
    queries += ["+" + " +".join(q.split()) for q in plain]
    checked = 0
    for query in queries:
        try:
            result = corpus_engine.search(SearchRequest(query, page_size=50))
        except RequestError:
            continue  # an official or source the slice of the corpus lacks
        assert result.hits, query
        checked += 1
        assert all(h.score > 0 for h in result.hits), query
    assert checked >= len(queries) - 2


@pytest.mark.corpus
def test_an_official_named_in_the_query_finds_the_articles_tagged_with_them(
    corpus_contract_engine,
):
    """`jokowi`: also the articles that write only "Joko Widodo" (tagged with him), counted
    as having the word; and no article tagged with someone else comes in for it."""
    corpus_engine = corpus_contract_engine
    result = corpus_engine.search(SearchRequest("jokowi", page_size=100))
    written = corpus_engine.search(SearchRequest('exact:"jokowi"', page_size=100))
    assert result.total > written.total
    tagged = corpus_engine.search(SearchRequest("", officials=("Joko Widodo",))).total
    assert result.total <= written.total + tagged
    later = result.hits[written.total :] if written.total < 100 else []
    for hit in later:
        assert "Joko Widodo" in [o.name for o in hit.officials] and not hit.missing


@pytest.mark.corpus
def test_articles_about_the_official_named_score_more(corpus_engine):
    """`tito karnavian`: an article tagged with him scores a bonus, larger where his name is
    in the title or the lede or he is quoted (he is what it is about), none when it is not
    tagged."""
    from search.config import LEDE_WORDS
    from search.query.plan import parse_query
    from search.retrieval.matching import match_docs
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import official_scores_at

    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        officials = match_docs(s, parse_query("tito karnavian")).officials
        assert [len(official.words) for official in officials] == [2]
        bonus = official_scores_at(arrays, officials, np.arange(arrays.size))
        tagged = officials[0].tagged
        by_kind: dict[str, set[float]] = {"named": set(), "quoted": set(), "passing": set()}
        for docnum in tagged.tolist():
            fields = s.stored_fields(docnum)
            words = fields["body"].lower().split()
            title = fields["title"].lower()
            quoted = any(q["speaker"] == "Tito Karnavian" for q in json.loads(fields["quotes"]))

            def names(text: str) -> bool:
                return "tito" in text or "karnavian" in text

            if names(title) or names(" ".join(words[: LEDE_WORDS // 2])):
                by_kind["named"].add(float(bonus[docnum]))
            elif quoted:
                by_kind["quoted"].add(float(bonus[docnum]))
            elif not names(" ".join(words[: LEDE_WORDS * 2])):
                by_kind["passing"].add(float(bonus[docnum]))
    assert not np.delete(bonus, tagged).any()
    assert by_kind["named"] and by_kind["passing"]  # (the slice's articles hold no quotes)
    assert min(by_kind["named"] | by_kind["quoted"]) > max(by_kind["passing"]) > 0


@pytest.mark.corpus
def test_an_official_quoted_is_the_subject_too(tmp_path):
    """`agus rahardjo` over corpus articles extracted as a build extracts them (quotes too): an
    article quoting him far from its title and lede scores the subject's bonus, as one
    naming him there, above one naming him in passing."""
    from search.config import LEDE_WORDS
    from search.indexing.build import build_articles
    from search.ingest.files import SeedError
    from search.ingest.records import extract_record
    from search.retrieval.engine import SearchEngine
    from search.retrieval.matching import match_docs
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import official_scores_at
    from tests.corpus import records

    articles = []
    for record in records(600):
        try:
            articles.append(extract_record(record).article)
        except SeedError:
            continue
    build_articles(articles, tmp_path / "index")
    engine = SearchEngine(tmp_path / "index")
    by_id = {a.id: a for a in articles}
    with engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        officials = match_docs(s, parse_query("agus rahardjo")).officials
        bonus = official_scores_at(arrays, officials, np.arange(arrays.size))
        by_kind: dict[str, set[float]] = {"named": set(), "quoted": set(), "passing": set()}
        for docnum in officials[0].tagged.tolist():
            article = by_id[s.stored_fields(docnum)["id"]]
            early = f"{article.title} {' '.join(article.body.split()[:LEDE_WORDS])}".lower()
            if {"agus", "rahardjo"} & set(re.findall(r"\w+", early)):
                by_kind["named"].add(float(bonus[docnum]))
            elif any(q.speaker == "Agus Rahardjo" for q in article.quotes):
                by_kind["quoted"].add(float(bonus[docnum]))
            else:
                by_kind["passing"].add(float(bonus[docnum]))
    assert all(by_kind.values()), by_kind
    assert by_kind["quoted"] == by_kind["named"]
    assert min(by_kind["quoted"]) > max(by_kind["passing"]) > 0


@pytest.mark.corpus
def test_the_subjects_bonus_goes_only_to_articles_with_the_topic_typed_too(corpus_engine):
    """`anies trotoar`: an article about Anies Baswedan (his name in the title or lede) scores
    the subject's bonus where it has every concept of the query, and only the tag's, as one
    naming him in passing, where it lacks the pavements (trotoar)."""
    from search.query.plan import parse_query
    from search.retrieval.matching import match_docs
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import _unit, official_scores_at

    plan = parse_query("anies trotoar")
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        officials = match_docs(s, plan).officials
        tagged = officials[0].tagged
        bonus = official_scores_at(arrays, officials, tagged)
        complete = np.logical_and.reduce(
            [found for _, found in (_unit(arrays, u, officials, tagged) for u in plan.units)]
        )
        kept = official_scores_at(arrays, officials, tagged, complete)
    subject = bonus > bonus.min()
    assert (subject & complete).any() and (subject & ~complete).any()
    assert (kept[subject & complete] == bonus[subject & complete]).all()
    assert (kept[~complete] == bonus.min()).all()


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["satuan", "serang"])
def test_a_name_ranks_the_articles_that_write_it_first(corpus_engine, query):
    """A word that is often a name (Satuan, as in Satuan Polisi Pamong Praja; the city of
    Serang) shares its root with common words (satu, menyerang): the articles that write the
    word as typed come first, those with only the common words after them, still found and
    scored. (A word nearly always a name, Ganjar, finds only the name: test_matching.)"""
    from search.config import NAME_SHARE
    from search.lexicon import capitalised_shares

    assert 0.5 < capitalised_shares()[query] < NAME_SHARE
    result = corpus_engine.search(SearchRequest(query, page_size=100))
    written = corpus_engine.search(SearchRequest(f'exact:"{query}"', page_size=100))
    assert 0 < written.total < min(result.total, 100)
    first = {h.id for h in result.hits[: written.total]}
    assert first == {h.id for h in written.hits}
    assert all(h.score > 0 for h in result.hits)


@pytest.mark.corpus
def test_a_place_typed_with_its_kind_finds_the_place_first(corpus_engine):
    """Kabupaten Puncak is a regency of Papua; puncak is also a peak, a summit, the top of a
    league table. Typed with its kind, the place is what the query asks for: the articles
    that name the regency come first, those with the two words apart after the divider."""
    result = corpus_engine.search(SearchRequest("kabupaten puncak", page_size=100))
    assert result.total >= 3 and result.total_partial > 0
    complete = [h for h in result.hits if not h.missing]
    assert len(complete) >= 3 and result.hits[: len(complete)] == complete
    for hit in complete:
        article = corpus_engine.article(hit.id)
        assert "kabupaten puncak" in f"{article.title} {article.body}".lower()
    assert all(h.missing == ["kabupaten puncak"] for h in result.hits[len(complete) :])


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["palu", "serang"])
def test_a_name_typed_alone_ranks_the_articles_writing_it_capitalised_first(
    corpus_engine, corpus_slice, query
):
    """Palu is the city and a gavel (ketok palu), Serang the city and attack (serang balik):
    typed alone, the word asks for the name; the articles that write it only in lower case inside
    their sentences come after every article that writes it capitalised there."""
    bodies = {a.id: a.body for a in corpus_slice}
    written = re.compile(rf"\b{query}\b", re.IGNORECASE)
    result = corpus_engine.search(SearchRequest(query, page_size=100))
    kinds = [
        query in written_capitalised(bodies[h.id])
        for h in result.hits
        if written.search(bodies[h.id])
    ]
    assert True in kinds and False in kinds
    assert kinds == sorted(kinds, reverse=True)


@pytest.mark.corpus
def test_a_concept_spelt_by_several_words_weighs_as_one_word(corpus_engine):
    """`operasi tangkap tangan` (OTT): where the three words are written (and not the
    acronym), they score as one word, their mean, not three words' worth."""
    from search.query.plan import parse_query
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import scores_at, word_scores

    plan = parse_query("operasi tangkap tangan")
    (unit,) = plan.units
    assert len(unit.words) == 3 and [w.exact for w in unit.alternatives[0]] == ["ott"]
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        words = np.array([word_scores(arrays, w) for w in unit.words])
        acronym = word_scores(arrays, unit.alternatives[0][0])
        written = np.flatnonzero((words > 0).all(axis=0) & (acronym == 0))
        assert len(written) > 0
        total = scores_at(arrays, plan, written)
    mean = words[:, written].mean(axis=0)
    assert np.allclose(total, mean * (1 + ALL_WORDS_BOOST), rtol=1e-4)


@pytest.mark.corpus
def test_a_place_of_several_words_has_all_its_words_only_as_a_phrase(corpus_engine):
    """`pasar minggu` (a district of Jakarta): the articles with *pasar* and *minggu* apart (a
    market, a Sunday) score their words alone; those with the phrase (not in the title)
    ALL_WORDS_BOOST times more, and are the complete matches. A place's words score in full,
    not their mean: the place is as rare as its words together."""
    from search.query.plan import parse_query
    from search.retrieval.matching import phrase_words_docs, unit_docs
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import scores_at, word_scores

    plan = parse_query("pasar minggu")
    (unit,) = plan.units
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        words = np.array([word_scores(arrays, w) for w in unit.words])
        titles = np.array([word_scores(arrays, w, ("title",)) for w in unit.words])
        phrase = phrase_words_docs(arrays, unit.words, exact=False)
        assert np.array_equal(unit_docs(s, unit), phrase)
        both = (words > 0).all(axis=0) & (titles == 0).any(axis=0)
        apart = np.setdiff1d(np.flatnonzero(both), phrase)
        together = np.intersect1d(np.flatnonzero(both), phrase)
        assert len(apart) and len(together)
        for docs, boost in ((apart, 0.0), (together, ALL_WORDS_BOOST)):
            total = words[:, docs].sum(axis=0)
            assert np.allclose(scores_at(arrays, plan, docs), total * (1 + boost), rtol=1e-4)


@pytest.mark.corpus
def test_a_long_form_has_all_its_words_only_as_a_phrase(corpus_engine):
    """`kereta rel listrik` (KRL, Jakarta's commuter trains): an article with *kereta*,
    *rel* and *listrik* apart (a train, a rail, electric cars) does not have the long form, as
    a search for KRL would not find it: it is no complete match and scores its words' mean
    alone; an article with the long form as a phrase (or KRL) is one, and scores
    ALL_WORDS_BOOST times more."""
    from search.retrieval.matching import phrase_words_docs, unit_docs
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import scores_at, word_scores

    plan = parse_query("kereta rel listrik")
    (unit,) = plan.units
    assert unit.long_form
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        words = np.array([word_scores(arrays, w) for w in unit.words])
        titles = np.array([word_scores(arrays, w, ("title",)) for w in unit.words])
        found = unit_docs(s, unit)
        phrase = phrase_words_docs(arrays, unit.words, exact=False)
        assert np.isin(phrase, found).all()
        every = (words > 0).all(axis=0) & (titles == 0).any(axis=0)
        apart = np.setdiff1d(np.flatnonzero(every), found)
        together = np.intersect1d(np.flatnonzero(every), phrase)
        assert len(apart) and len(together)
        mean = words[:, apart].mean(axis=0)
        assert np.allclose(scores_at(arrays, plan, apart), mean, rtol=1e-4)
        # the phrase's articles: their words' mean and the acronym's score, boosted
        assert (
            scores_at(arrays, plan, together)
            >= words[:, together].mean(axis=0) * (1 + ALL_WORDS_BOOST) * (1 - 1e-4)
        ).all()


def test_an_officials_name_beside_a_topic_weighs_less_than_the_topic():
    """`wiranto penusukan`: the name's words score NAMED_WEIGHT of a concept's score (the tag
    and the subject's bonus stand for the person); typed alone, or a topic, in full."""
    from search.config import NAMED_WEIGHT
    from search.retrieval.ranking import unit_weight

    plan = parse_query("wiranto penusukan")
    assert [unit_weight(plan, u) for u in plan.units] == [NAMED_WEIGHT, 1.0]
    alone = parse_query("wiranto")
    assert [unit_weight(alone, u) for u in alone.units] == [1.0]
    topic = parse_query("sampah plastik")
    assert [unit_weight(topic, u) for u in topic.units] == [1.0, 1.0]


@pytest.mark.corpus
def test_an_article_naming_the_official_without_the_topic_scores_the_name_weighed(corpus_engine):
    """`wiranto penusukan`: an article with *Wiranto* and no stabbing scores NAMED_WEIGHT of
    what the name alone would score in it (the same query, no official named); one with the
    stabbing and not the name scores as much either way."""
    from dataclasses import replace

    from search.config import NAMED_WEIGHT
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import scores_at, word_scores

    plan = parse_query("wiranto penusukan")
    assert plan.officials
    unnamed = replace(plan, officials=[])
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        name, topic = (word_scores(arrays, w) > 0 for w in plan.words)
        for docs, ratio in (
            (np.flatnonzero(name & ~topic), NAMED_WEIGHT),
            (np.flatnonzero(topic & ~name), 1.0),
        ):
            assert len(docs)
            weighed, plain = scores_at(arrays, plan, docs), scores_at(arrays, unnamed, docs)
            assert np.allclose(weighed, plain * ratio, rtol=1e-4)


@pytest.mark.corpus
def test_a_title_with_every_word_scores_more(corpus_engine):
    """`banjir jakarta`: the articles whose title has both words score TITLE_WORDS_BOOST times
    their word scores more than the articles with both words in the body alone; a title
    with one of them scores nothing more."""
    from search.config import TITLE_WORDS_BOOST
    from search.query.plan import parse_query
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import scores_at, word_scores

    plan = parse_query("banjir jakarta")
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        words = np.array([word_scores(arrays, w) for w in plan.words])
        titles = np.array([word_scores(arrays, w, ("title",)) for w in plan.words])
        both = (words > 0).all(axis=0)
        titled = np.flatnonzero(both & (titles > 0).all(axis=0))
        body = np.flatnonzero(both & (titles == 0).all(axis=0))
        one = np.flatnonzero(both & ((titles > 0).sum(axis=0) == 1))
        assert len(titled) and len(body) and len(one)
        for docs, boost in ((titled, TITLE_WORDS_BOOST), (body, 0.0), (one, 0.0)):
            total = scores_at(arrays, plan, docs)
            unit_total = words[:, docs].sum(axis=0)
            assert np.allclose(total, unit_total * (1 + ALL_WORDS_BOOST + boost), rtol=1e-4)


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["banjir jakarta", "serangan serang", "rupiah dolar bank"])
def test_words_scored_at_the_ranked_documents_alone_score_as_over_all_their_documents(
    corpus_engine, query
):
    """A word's scores computed for the documents a search ranks (a few of them, or most of
    the index) are exactly its scores over every document that has it, read there: the
    same pages, for less work."""
    from search.query.plan import parse_query
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import Among, stem_only_weight, word_at, word_vector

    words = parse_query(query).words
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        every = np.flatnonzero(arrays.live)
        sets = [every[::5000], every[::3], every, np.array([every[7]], dtype=np.int64)]
        arrays.memo.clear()  # nothing kept: each word computed at the documents alone
        at = [[word_at(arrays, w, Among(docs, arrays.size)) for docs in sets] for w in words]
        for word, scores in zip(words, at, strict=True):
            vector = word_vector(arrays, word)
            for docs, found in zip(sets, scores, strict=True):
                assert found.dtype == np.float32
                assert np.array_equal(found, vector.at(docs)), (word.exact, len(docs))
            assert (vector.at(every) > 0).any()
    if query == "serangan serang":  # a name's root: its other forms score a share
        assert any(w.stem and stem_only_weight(w) < 1.0 for w in words)


@pytest.mark.corpus
def test_a_partial_match_scores_the_share_of_the_query_it_has(corpus_engine):
    """`pencemaran sungai`: an article with only *sungai* (common) keeps the share of the
    query's idf that *sungai* carries, one with only *pencemaran* (rarer) the larger share
    *pencemaran* carries; an article with both loses nothing."""
    from search.query.plan import parse_query
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import concept_idf, concept_terms, scores_at, word_scores

    plan = parse_query("pencemaran sungai")
    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        pollution, river = (word_scores(arrays, w) for w in plan.words)
        idf = [
            concept_idf(arrays.size, [len(arrays.postings(f, t)) for f, t in concept_terms(u)])
            for u in plan.units
        ]
        assert idf[0] > idf[1]
        for docs, share in (
            (np.flatnonzero((river > 0) & (pollution == 0)), idf[1] / sum(idf)),
            (np.flatnonzero((pollution > 0) & (river == 0)), idf[0] / sum(idf)),
            (np.flatnonzero((pollution > 0) & (river > 0)), 1 + ALL_WORDS_BOOST),
        ):
            assert len(docs)
            plain = pollution[docs] + river[docs]
            total = scores_at(arrays, plan, docs)
            titled = ~np.isclose(total, plain * share, rtol=1e-4)
            # only articles with both words in the title score more than their share
            assert share > 1 or not titled.any()
            assert np.allclose(total[~titled], plain[~titled] * share, rtol=1e-4)


@pytest.mark.parametrize(
    ("query", "boost"),
    [
        # One concept's words: a glossary long form (pinjol, KRL), a mined compound.
        ("pinjaman online", PHRASE_BOOST),
        ("kereta rel listrik", PHRASE_BOOST),
        ("tanah longsor", PHRASE_BOOST),
        # Several concepts' words: together once, they may be a passing mention.
        ("sampah plastik", NEAR_BOOST),
        ("serangan kilang aramco", NEAR_BOOST),
        ("kecelakaan lalu lintas", NEAR_BOOST),
        ("banjir +jakarta", NEAR_BOOST),
        # The words naming an official are not ranked by their closeness: one concept is left.
        ("jokowi pinjaman online", PHRASE_BOOST),
    ],
)
def test_words_close_together_score_more_where_they_are_one_concept(query, boost):
    plan = parse_query(query)
    words = plan.proximity_words(plan.required + plan.words)
    assert near_boost(plan, words) == boost


@pytest.mark.corpus
def test_a_root_in_the_title_is_no_title_match_for_a_noun_of_its_own(tmp_path):
    """`kekeringan` (a drought) is no `kering` (dry): an article titled on dry eyes gets no
    title bonus for it, and every article on the drought ranks above it, one that writes the
    word in its body only too; `banjir` takes any form of its root in a title."""
    from search.indexing.build import build_articles
    from search.retrieval.engine import SearchEngine
    from search.retrieval.ranking import title_takes_root_forms
    from tests.corpus import article_from_record, records_with_ids

    # titled on the drought, and one on farmers waiting for rain that writes it in the body
    drought = {"clickid-e6ffa73e8194760a", "clickid-fa69d5b24932b6d2", "clickid-ee1a65e4b1fda334"}
    dry_eyes = {"clickid-5c59ec2616818532", "clickid-e8c1168bdabd5b38"}
    found = records_with_ids(drought | dry_eyes)
    build_articles([article_from_record(r) for r in found.values()], tmp_path)
    word = parse_query("kekeringan").words[0]
    assert word.stem != word.exact and not title_takes_root_forms(word)
    assert title_takes_root_forms(parse_query("kebanjiran").words[0]) is False
    assert title_takes_root_forms(parse_query("banjir").words[0])
    hits = SearchEngine(tmp_path).search(SearchRequest(query="kekeringan")).hits
    assert {h.id for h in hits[: len(drought)]} == drought


@pytest.mark.parametrize(
    ("typed", "takes"),
    [("kekeringan", False), ("kebanjiran", False), ("kerjakan", True), ("keluarkan", True)],
)
def test_only_a_ke_an_noun_refuses_its_roots_title(typed, takes):
    """A verb in -kan whose root opens with "ke" (kerja, keluar) is no ke-...-an noun."""
    from search.retrieval.ranking import title_takes_root_forms

    assert title_takes_root_forms(parse_query(typed).words[0]) is takes

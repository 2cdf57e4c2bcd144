"""Copies of one story (search/indexing/copies.py, search/retrieval/copies.py), on real corpus
articles: found by a build, kept right by updates, shown once by the engine and the web app."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from search.indexing import copies
from search.indexing.build import build
from search.indexing.copies import (
    LEDE_WORDS,
    CopyIndex,
    article_fingerprint,
    candidate_pairs,
    copy_reason,
    find_copies,
    fingerprint,
    without_boilerplate,
)
from search.indexing.store import require_live
from search.indexing.update import update
from search.ingest.records import extract_record
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from search.text.shingles import band_keys, shingles, signatures, words
from tests.conftest import GOLD, KUDUS, OTHER, PUPUK, copy_test_records, write_jsonl
from tests.corpus import records, records_with_ids
from web import create_app

pytestmark = pytest.mark.corpus


def groups_in(index_dir: Path) -> set[frozenset[str]]:
    copies = CopyIndex.load(require_live(index_dir).path)
    assert copies is not None
    return {frozenset(g) for g in copies.groups}


def test_syndicated_copies_are_grouped_and_a_template_pair_is_not():
    articles = [extract_record(r).article for r in copy_test_records().values()]
    groups = {frozenset(g) for g in find_copies([article_fingerprint(a) for a in articles]).groups}
    assert groups == {frozenset(PUPUK), frozenset(KUDUS)}
    # The two days' gold-price reports share most of their text (a template), not their story.
    assert not any(set(GOLD) & g for g in groups)


@pytest.mark.parametrize(
    ("titles", "band"),
    [
        (0.0, "unrelated"),
        (0.19, "unrelated"),
        (0.2, "between"),
        (0.27, "between"),
        (0.3, "related"),
    ],
)
def test_headlines_fall_in_three_bands(titles: float, band: str):
    assert copies.headline_band(titles) == band


def test_a_short_rerun_under_headlines_between_is_a_copy_and_under_unrelated_ones_not():
    """tempo.co's short report under two headlines sharing 0.27 of their words: near-identical
    texts, a re-run; under headlines sharing less than UNRELATED_TITLE, a reused opening (a
    build groups this pair: `python -m bench.quality.copies_gold`)."""
    pair = ("clickid-76091eaa6568e18b", "clickid-be1e7542fc978c4c")
    found = records_with_ids(set(pair))
    a, b = (article_fingerprint(extract_record(found[i]).article) for i in pair)
    titles = len(a.title_words & b.title_words) / len(a.title_words | b.title_words)
    assert copies.headline_band(titles) == "between"
    text = a.shingles  # as near-identical as a build finds them, boilerplate left out
    assert len(text) < copies.REUSED_OPENING
    assert copy_reason(a, b, text, text) == "identical"
    unrelated = dataclasses.replace(b, title_words=frozenset({"lain"}))
    assert copy_reason(a, unrelated, text, text) is None


def test_a_build_finds_the_copies_it_would_find_holding_every_article_at_once(monkeypatch):
    """A build sets its articles aside in files and reads back only the candidates: the same
    boilerplate, signatures and copies as over every article's shingles held together."""
    prints = [
        fingerprint(r["id"], r["title"], r["body"], (r.get("date") or "")[:10], r.get("source"))
        for r in records(limit=4000)
    ]
    # Small batches, so that the shingles are set aside in many writes and read in chunks.
    monkeypatch.setattr(copies, "_SPILL_SHINGLES", 50_000)
    monkeypatch.setattr(copies, "_CHUNK_ROWS", 700)
    monkeypatch.setattr(copies, "_CHUNK_PAIRS", 300)
    monkeypatch.setattr(copies, "_CHUNK_COUNTED", 50)
    found = find_copies(iter(prints))

    texts, common = without_boilerplate(prints)
    rows = signatures(texts)
    usable = np.array([len(t) > 0 for t in texts], dtype=bool)
    pairs = copies._verified(prints, texts, rows, candidate_pairs(band_keys(rows), usable))
    assert found.ids == [p.id for p in prints]
    assert np.array_equal(found.boilerplate, common) and len(common)
    assert np.array_equal(found.signatures, rows)
    assert found.pairs == pairs and len(pairs) > 10


def test_a_pair_that_a_rule_finds_copies_shares_enough_to_be_compared():
    """A build compares exactly only the candidates that share enough shingles for some rule
    (`_could_be_copies`, counted by `_shared_counts`): every pair of corpus articles sharing a
    band that `copy_reason` finds copies passes, with the counts `copy_reason` sees."""
    prints = [
        fingerprint(r["id"], r["title"], r["body"], (r.get("date") or "")[:10], r.get("source"))
        for r in records(limit=3000)
    ]
    texts, common = without_boilerplate(prints)
    rows = signatures(texts)
    usable = np.array([len(t) > 0 for t in texts], dtype=bool)
    pairs = candidate_pairs(band_keys(rows), usable)
    first, second = pairs[:, 0], pairs[:, 1]
    shared = copies._shared_counts(
        [prints[i].shingles for i in first],
        [prints[j].shingles for j in second],
        copies._Boilerplate(common),
    )
    sizes = np.array([len(t) for t in texts])
    days = np.array([p.day or 0 for p in prints])
    close = copies._could_be_copies(shared, sizes[first], sizes[second], days[first], days[second])
    found = 0
    for k, (i, j) in enumerate(pairs.tolist()):
        assert shared[k] == len(np.intersect1d(texts[i], texts[j]))
        if copy_reason(prints[i], prints[j], texts[i], texts[j]) is not None:
            assert close[k]
            found += 1
    assert found > 10 and close.sum() < len(pairs)


def test_dated_articles_further_apart_than_a_build_compares_are_never_copies():
    """A build does not compare candidates dated more than MAX_GAP_DAYS apart: no rule may
    find copies there, not even in the same text under the same headline."""
    record = next(r for r in records(limit=50) if len(r.get("date") or "") >= 10)
    first = article_fingerprint(extract_record(record).article)
    assert first.day is not None
    text = first.shingles
    near = dataclasses.replace(first, id="other", day=first.day + copies.MAX_GAP_DAYS)
    far = dataclasses.replace(first, id="other", day=first.day + copies.MAX_GAP_DAYS + 1)
    assert copy_reason(first, near, text, text) is not None
    assert copy_reason(first, far, text, text) is None


def groups_shown(engine, ids) -> set[frozenset[str]]:
    """The copy groups an engine shows on the article pages of `ids`."""
    found = set()
    for article_id in ids:
        article = engine.article(article_id)
        if article is not None and article.copies:
            found.add(frozenset({article_id, *(c.id for c in article.copies)}))
    return found


# okezone.com's and sindonews.com's Saudi visa reports (read as copies)
UMRAH = ("clickid-4ee02eb391606109", "clickid-d41b03d511d49c32")
# kompas.com's two reports on Lion Air's data leak, a day apart (read as two reports)
LION_AIR = ("clickid-d6766b0b1615c6c6", "clickid-f0d5a95d73013d4f")
# okezone.com's cukai report holding sindonews.com's shorter statement (read as copies)
CUKAI = ("clickid-7f8b8d98852a7de0", "clickid-a67db80c62549d7e")
BASABALI = ("clickid-4aa89bb9b0521772", "clickid-fb2ca05ba422e705")
HOROSCOPES = ("clickid-0dfa086a3d5edc11", "clickid-a3b4d5bd7249d18e")
STOCK_PICKS = ("clickid-a58b484577c1b600", "clickid-afcdae2170f1490e")
# One publisher's report of BPS's trade figures, and its second text the same day over the
# same opening headlined with the minister's answer (read as no copy, 2026-12-07 groups.md 1)
NEW_VOICE = ("clickid-522b0c434f06109f", "clickid-1cbe4c7c1018e212")
# One publisher's follow-up (first) and its first report (second), reused whole as background
FOLLOW_UPS = [
    ("clickid-7373d1d5f785df2f", "clickid-81a81d90fa6a735b"),
    ("clickid-89d38f268378e51f", "clickid-66f84ca4f95d64e5"),
    ("clickid-5d3373cd534800b3", "clickid-b1221cca7f64f805"),
]
# sindonews's and okezone's texts of AP II's co-branding release (one group), openings alike
SOETTA = ("clickid-7104ad9f8a7f49f5", "clickid-9c8636318169fa47")
# Pairs of corpus articles read as copies of one story, or not, with how they were found.
READ_PAIRS = [
    # okezone and sindonews (one media group), the same day: a new headline over one text
    ("clickid-d1f54c9d5cbac915", "clickid-e4f7f3f9d89849d9", "new headline"),
    # one publisher's match report updated in place: the half-time score, then the final one
    ("clickid-3c280d4f9c242120", "clickid-007ef601fd8171b4", "updated"),
    # okezone and tribunnews (other groups): one holds the other's whole text, same opening
    ("clickid-fea41d858bafe7d0", "clickid-a6c034f63d4be7fd", "contained"),
    # two days' weather reports of one publisher: a template, not a copy
    ("clickid-22fddff0e85ecfa4", "clickid-1feb67c102aafb81", None),
    # one publisher's two stories of a match opening with the same summary (all the page holds)
    ("clickid-3b08795305f5e86c", "clickid-2bf97590145e1c14", None),
    # okezone and sindonews, a day apart: one reporter's text under another headline and lede
    (UMRAH[0], UMRAH[1], "syndicated"),
    # kompas.com's report re-angled by tribunnews.com (one group) under its own opening
    ("clickid-69359868048b8f25", "clickid-82f09446684ef676", "syndicated"),
    # one publisher's two stories of one match: one holds the other's whole recap (background
    # reused by one publisher is not a copy)
    ("clickid-58fb21ab168ea9b7", "clickid-0e500951fc13a7f9", None),
    # sindonews's story of two KPK leaders' reactions holds half of okezone's report of one
    ("clickid-722e17feaed325a6", "clickid-a072a95381f2c585", None),
    # okezone and sindonews rewriting one press release under the same headline
    ("clickid-a4c18bcbbcf84fc4", "clickid-f4b2d8abcb7439b7", "rewrite"),
    # tempo's preview re-run the next day under a like headline, opening alike
    ("clickid-6a83fc27d088349a", "clickid-de63430c812822c2", "rewrite"),
    # one publisher's two reports on one story under like headlines, the second reusing a third
    # of the first: kompas's Lion Air data leak (the next day), okezone's Habibie's death at
    # RSPAD, kompas's two articles of the RKUHP (vagrancy, abortion) from one press conference
    (*LION_AIR, None),
    ("clickid-7247cdf0eda94d97", "clickid-857838df674036f6", None),
    ("clickid-3c83bb14a0ca3292", "clickid-c724df36f6dbd0d9", None),
    # sindonews's statement of the cukai policy inside okezone's longer report (Jaccard 0.15)
    (*CUKAI, "syndicated"),
    # One publisher's different stories of one event the same day, sharing most of the shorter
    # text, its quotes (the same words by the same speaker) and a run of its sentences, as its
    # re-runs under a new lede do (the measures of bench/quality/copies_measures.py): liputan6's
    # LIPI petition page holding its KPK-asks-Menkumham story whole (0.79 of it), tempo's two
    # Garuda-leaves-Kertajati stories (seven quotes shared), kompas's quadruplets' birth and
    # the family's history of twins (the mother's quote, six sentences)
    ("clickid-aa7c3539ec7dd3c1", "clickid-0267fbc76300d3cc", None),
    ("clickid-e9d1783c97f649d3", "clickid-dd929c5067b38bff", None),
    ("clickid-d2895b52bcb70326", "clickid-87e70c0da11a4b6b", None),
    # One publisher's follow-ups, opening with paragraphs of their own over its first report
    # whole (the 2026-12-06 reading of groups): YLBHI's reaction to the RKUHP delay, Iran's reply
    # to Netanyahu, Fahri Hamzah's support of the Papua palace over Bappenas's answer
    *((*pair, None) for pair in FOLLOW_UPS),
    # One publisher's editions of a dated series (the 2026-12-06 reading): tribunnews's love
    # horoscope for Tuesday and for Wednesday, sindonews's stock picks for two trading days
    (*HOROSCOPES, None),
    (*STOCK_PICKS, None),
    # Copies naming days that differ: tempo's match report and table (August written for
    # September), tempo's witness summoned on Friday (the other names the day its suspect was
    # named), liputan6's statement dated by the day made and by the day reported
    ("clickid-15c458aea50f36ca", "clickid-6addefcc967d8420", "new headline"),
    ("clickid-0d40e22bf078c1a2", "clickid-5cd90c1b1db832b5", "same text"),
    ("clickid-6bda736b23d366c2", "clickid-a45e8e081b35f56c", "same text"),
    # One press release carried by publishers of different groups, each lightly edited:
    # Bea Cukai Parepare's blood drive (okezone, tribunnews), Kementan on the drought (okezone,
    # tribunnews), BASAbali Wiki's UNESCO prize (kompas, okezone: read as copies, 2026-12-06)
    ("clickid-b3d9b628a391631b", "clickid-c4d94599d2ee1086", "press release"),
    ("clickid-384c2a422c9e7e2e", "clickid-9a2597c9b82f32bd", "press release"),
    (*BASABALI, "press release"),
    # ... sharing less of the shorter text under an opening less alike (read as copies,
    # 2026-12-07 and its second draw): Kemenag's science olympiad for madrasah pupils (tempo,
    # sindonews), Rini's PTPN III appointments (kompas, sindonews), Kemnaker's training (liputan6,
    # sindonews)
    ("clickid-3e8cbd8b693798ae", "clickid-ef76030982fb4e95", "press release"),
    ("clickid-86f0cb3eaac82083", "clickid-cf428c70bce07832", "press release"),
    ("clickid-a3a546708110ebce", "clickid-c03e12d74ad55741", "press release"),
    # a second text headlined with someone the first never names: a new voice, no re-run
    (*NEW_VOICE, None),
    # ... but a headline's initial ("Rp 1 M") is no speaker's name ("M. Ridwan"): kompas's
    # report and tribunnews's copy of it, shorter, without the secretary's words
    ("clickid-c8bee694129632ea", "clickid-767725f6d57b853a", "new headline"),
]


@pytest.fixture(scope="module")
def read_pair_records() -> dict[str, dict]:
    return records_with_ids({i for pair in (*READ_PAIRS, SOETTA) for i in pair[:2]})


@pytest.mark.parametrize(("first", "second", "reason"), READ_PAIRS)
def test_a_read_pair_is_found_as_read(
    read_pair_records: dict[str, dict], first: str, second: str, reason: str | None
):
    a, b = (
        article_fingerprint(extract_record(read_pair_records[i]).article) for i in (first, second)
    )
    assert copy_reason(a, b, a.shingles, b.shingles) == reason


@pytest.mark.parametrize(("follow_up", "first"), FOLLOW_UPS)
def test_a_follow_up_over_the_first_report_is_parted_by_its_opening_and_its_speaker(
    read_pair_records: dict[str, dict], follow_up: str, first: str
):
    """A follow-up holds its publisher's first report, opening and all, after an opening of its
    own quoting someone the first report never names; opening as the first report does, or
    quoting only those it names, it would be a copy (a re-run, an extended text)."""
    a, b = (
        article_fingerprint(extract_record(read_pair_records[i]).article)
        for i in (follow_up, first)
    )
    assert copies._opening_share(a, b) < copies.FOLLOW_UP_OPENING
    assert copies._opening_share(b, a) >= copies.FOLLOW_UP_BACKGROUND
    assert copy_reason(a, b, a.shingles, b.shingles) is None
    opening_alike = dataclasses.replace(a, opening=b.opening)
    named_before = dataclasses.replace(
        a, speakers=frozenset(s for s in a.speakers if set(words(s)) & b.names)
    )
    for other in (opening_alike, named_before):
        assert not copies._follow_up(other, b)
        if not copies._new_voice(other, b):  # a headline may also name the new voice
            assert copy_reason(other, b, a.shingles, b.shingles) is not None
    other_publisher = dataclasses.replace(a, source="other.example")
    assert not copies._follow_up(other_publisher, b)


@pytest.mark.parametrize("pair", [HOROSCOPES, STOCK_PICKS])
def test_editions_of_a_dated_series_are_parted_by_the_days_they_name(
    read_pair_records: dict[str, dict], pair: tuple[str, str]
):
    """Each edition names its own day, a day from the other's; naming a day in common, or from
    two publishers, they would be copies (a re-run; a text each publisher dated)."""
    a, b = (article_fingerprint(extract_record(read_pair_records[i]).article) for i in pair)
    assert a.days_named and b.days_named and not a.days_named & b.days_named
    assert copy_reason(a, b, a.shingles, b.shingles) is None
    same_day = dataclasses.replace(b, days_named=b.days_named | a.days_named)
    assert copy_reason(a, same_day, a.shingles, b.shingles) is not None
    assert not copies._editions(a, dataclasses.replace(b, source="other.example"))


def test_a_press_release_carried_by_two_groups_is_a_copy_only_across_groups(
    read_pair_records: dict[str, dict],
):
    """Publishers of different groups carrying one release share most of the shorter text
    under an opening alike; one publisher's two texts so alike are two stories of one event
    sharing their background, unless another rule finds them copies."""
    a, b = (article_fingerprint(extract_record(read_pair_records[i]).article) for i in BASABALI)
    assert copy_reason(a, b, a.shingles, b.shingles) == "press release"
    assert copy_reason(a, dataclasses.replace(b, source=a.source), a.shingles, b.shingles) is None
    later = dataclasses.replace(b, day=a.day + 2)
    assert copy_reason(a, later, a.shingles, b.shingles) is None


def test_a_group_text_republished_is_a_copy_only_from_another_publisher_and_within_a_day(
    read_pair_records: dict[str, dict],
):
    """The syndication rule joins two publishers of one media group (the same publisher's
    stories reuse background paragraphs), published at most SYNDICATED_DAYS apart."""
    a, b = (article_fingerprint(extract_record(read_pair_records[i]).article) for i in UMRAH)
    assert a.source != b.source and abs(a.day - b.day) == copies.SYNDICATED_DAYS
    assert copy_reason(a, b, a.shingles, b.shingles) == "syndicated"
    one_publisher = dataclasses.replace(b, source=a.source)
    assert copy_reason(a, one_publisher, a.shingles, b.shingles) is None
    later = dataclasses.replace(b, day=a.day + copies.SYNDICATED_DAYS + 1)
    assert copy_reason(a, later, a.shingles, b.shingles) is None
    # Another group's publisher carries it as a press release only under an opening alike.
    other_group = dataclasses.replace(b, source="tempo.co")
    assert copy_reason(a, other_group, a.shingles, b.shingles) == "press release"
    other_opening = dataclasses.replace(other_group, lede=frozenset())
    assert copy_reason(a, other_opening, a.shingles, b.shingles) is None


def test_a_group_text_republished_under_an_opening_alike_needs_less_of_it(
    read_pair_records: dict[str, dict],
):
    """Under an opening alike (SYNDICATED_LEDE), SYNDICATED_OPENING_CONTAINMENT of the shorter
    text is enough for two publishers of one group: sindonews's and okezone's texts of AP II's
    co-branding release (read as copies, 2026-12-07 second draw); under another opening, or
    from one publisher, it is not."""
    a, b = (article_fingerprint(extract_record(read_pair_records[i]).article) for i in SOETTA)
    assert copies._lede(a, b) >= copies.SYNDICATED_LEDE
    share = copies.SYNDICATED_OPENING_CONTAINMENT
    assert share < copies.SYNDICATED_CONTAINMENT
    assert copies._syndicated(a, b, share, 0)
    assert not copies._syndicated(a, dataclasses.replace(b, lede=frozenset()), share, 0)
    assert copies._syndicated(a, dataclasses.replace(b, lede=frozenset()), 0.6, 0)
    assert not copies._syndicated(a, dataclasses.replace(b, source=a.source), share, 0)


def test_a_rewrite_under_a_like_headline_asks_more_of_one_publisher_than_of_a_group(
    read_pair_records: dict[str, dict],
):
    """Two publishers of one group rewriting a report under nearly the same headline are
    copies; the same publisher's two texts so alike in headline and shared text are two of its
    reports unless they also share REWRITE_OWN_JACCARD of the text or open alike."""
    a, b = (article_fingerprint(extract_record(read_pair_records[i]).article) for i in LION_AIR)
    assert a.source == b.source == "kompas.com"
    assert copy_reason(a, b, a.shingles, b.shingles) is None
    group = dataclasses.replace(b, source="tribunnews.com")
    assert copy_reason(a, group, a.shingles, b.shingles) == "rewrite"
    # The first also follows the second up (a new opening over it, quoting someone it never
    # names): quoting no one, with the second opening alike, they are a rewrite.
    assert copies._follows(a, b)
    quoting_no_one = dataclasses.replace(a, speakers=frozenset())
    opening_alike = dataclasses.replace(b, lede=a.lede)
    assert copy_reason(quoting_no_one, opening_alike, a.shingles, b.shingles) == "rewrite"


def test_a_short_text_inside_a_long_one_is_a_candidate_and_a_copy(
    read_pair_records: dict[str, dict],
):
    """A short statement inside a long report shares little of the pair's text (Jaccard
    0.15): one-row bands make it a candidate all the same, and a build groups it."""
    prints = [article_fingerprint(extract_record(read_pair_records[i]).article) for i in CUKAI]
    texts, _ = without_boilerplate(prints)
    shared = len(np.intersect1d(texts[0], texts[1]))
    assert shared / (len(texts[0]) + len(texts[1]) - shared) < 0.2
    rows = signatures(texts)
    assert candidate_pairs(band_keys(rows), np.ones(2, dtype=bool)).tolist() == [[0, 1]]
    assert find_copies(prints).groups == [sorted(CUKAI)]


def test_an_update_keeps_the_groups_right(tmp_path: Path, build_engine):
    records = copy_test_records()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "corpus.jsonl"
    first = [records[i] for i in (PUPUK[0], KUDUS[0], *GOLD, *OTHER)]
    write_jsonl(seed, first)
    build_engine.build(seeds)
    assert groups_shown(build_engine.engine(), records) == set()

    # The other publishers' copies arrive: each joins its story.
    write_jsonl(seed, [*first, records[PUPUK[1]], records[KUDUS[1]], records[KUDUS[2]]])
    report = build_engine.update(seeds)
    assert len(report.added) == 3
    both = {frozenset(PUPUK), frozenset(KUDUS)}
    assert groups_shown(build_engine.engine(), records) == both

    # A copy re-written as another story leaves its group; a removed copy leaves its group.
    rewritten = " ".join(reversed(records[PUPUK[1]]["body"].split()))
    changed = {**records[PUPUK[1]], "body": rewritten, "title": "Lain"}
    kept = [r for r in first if r["id"] != KUDUS[0]]
    write_jsonl(seed, [*kept, changed, records[KUDUS[1]], records[KUDUS[2]]])
    report = build_engine.update(seeds)
    assert report.changed == [PUPUK[1]] and report.removed == [KUDUS[0]]
    engine = build_engine.engine()
    assert groups_shown(engine, records) == {frozenset(KUDUS[1:])}
    result = engine.search(SearchRequest("bea cukai kudus"))
    assert [len(h.copies) for h in result.hits] == [1]
    assert (result.total, result.stories) == (2, 1)


def test_the_engine_shows_a_story_once_with_its_copies(tmp_path: Path, build_engine):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_jsonl(seeds / "corpus.jsonl", list(copy_test_records().values()))
    build_engine.build(seeds)
    engine = build_engine.engine()
    result = engine.search(SearchRequest("bea cukai kudus rokok ilegal"))
    kudus = [h for h in result.hits if h.id in KUDUS]
    assert len(kudus) == 1
    assert {c.id for c in kudus[0].copies} == set(KUDUS) - {kudus[0].id}
    assert result.total - result.stories == len(KUDUS) - 1
    shown = [h.id for h in result.hits] + [c.id for h in result.hits for c in h.copies]
    assert len(shown) == len(set(shown))
    # Page by page, the stories are listed once each, as many as the pages count.
    paged = [
        h.id
        for page in range(1, result.pages + 1)
        for h in engine.search(
            SearchRequest("bea cukai kudus rokok ilegal", page=page, page_size=1)
        ).hits
    ]
    assert len(paged) == len(set(paged)) == result.found_as_stories


@pytest.fixture()
def copies_client(copies_index: Path):
    client = create_app({"INDEX_DIR": str(copies_index), "TESTING": True}).test_client()
    client.set_cookie("lang", "en")  # the English labels are asserted
    return client


def test_the_results_page_lists_copies_in_an_expander(copies_client):
    page = copies_client.get("/?q=bea+cukai+kudus").get_data(as_text=True)
    linked = re.findall(r'<h2 class="title" lang="id"><a href="/articles/([^"?]+)', page)
    assert len([i for i in linked if i in KUDUS]) == 1
    expander = re.search(r'<details class="copies">\s*<summary>(.*?)</summary>', page)
    assert expander and expander.group(1).startswith("2 other copies (")
    assert "sindonews.com" in page and "tribunnews.com" in page
    copy_links = re.findall(r'<li><a href="/articles/([^"?]+)', page)
    assert set(copy_links) | set(linked) >= set(KUDUS)
    assert re.search(r"<strong>1</strong> story, <strong>3</strong> articles", page)


def test_the_json_lists_copies_on_hits_and_on_the_article(copies_client):
    data = copies_client.get("/api/search?q=bea+cukai+kudus").get_json()
    assert data["total"] == 3 and data["total_stories"] == 1
    (hit,) = data["hits"]
    assert {c["id"] for c in hit["copies"]} == set(KUDUS) - {hit["id"]}
    assert all(set(c) == {"id", "source", "date"} for c in hit["copies"])
    article = copies_client.get(f"/api/articles/{PUPUK[0]}").get_json()
    assert article["copies"] == [{"id": PUPUK[1], "source": "sindonews.com", "date": "2019-09-11"}]
    alone = copies_client.get(f"/api/articles/{OTHER[0]}").get_json()
    assert alone["copies"] == []


def test_an_update_finds_copies_anew_when_the_generation_lost_them(tmp_path: Path):
    records = copy_test_records()
    seeds, index_dir = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    first = [records[i] for i in (PUPUK[0], *GOLD, *OTHER)]
    write_jsonl(seeds / "corpus.jsonl", first)
    build(seeds, index_dir)
    shutil.rmtree(require_live(index_dir).path / "copies")
    write_jsonl(seeds / "corpus.jsonl", [*first, records[PUPUK[1]]])
    update(seeds, index_dir)
    assert groups_in(index_dir) == {frozenset(PUPUK)}


@pytest.fixture(scope="module")
def kpk_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the corpus articles about the KPK law's revision (about 1,100)."""
    from tests.corpus import records

    chosen = [
        r
        for r in records()
        if all(
            w in f"{r.get('title') or ''} {r.get('body') or ''}".lower() for w in ("kpk", "revisi")
        )
    ]
    seeds = tmp_path_factory.mktemp("kpk-seeds")
    write_jsonl(seeds / "kpk.jsonl", chosen)
    index_dir = tmp_path_factory.mktemp("kpk-index")
    build(seeds, index_dir)
    return index_dir


def test_the_first_pages_of_a_busy_story_show_no_two_copies(kpk_index: Path):
    """`revisi uu kpk`: among the stories of the first three pages, no article holds half of
    another's text (its 5-word runs) or opens with the same words; copies of that kind are
    there, grouped behind the stories shown."""
    engine = SearchEngine(kpk_index, cache_size=0)
    hits = [
        hit
        for page in (1, 2, 3)
        for hit in engine.search(SearchRequest("revisi uu kpk", page=page)).hits
    ]
    assert len(hits) == 30
    shown = [h.id for h in hits]
    behind = [(h.id, c.id) for h in hits for c in h.copies]
    with engine.searcher() as searcher:
        bodies = {i: searcher.document(id=i)["body"] for i in {*shown, *(c for _, c in behind)}}
    texts = {i: set(shingles(body).tolist()) for i, body in bodies.items()}
    ledes = {i: set(words(body)[:LEDE_WORDS]) for i, body in bodies.items()}

    def copied(a: str, b: str) -> bool:
        shared = len(texts[a] & texts[b]) / max(1, min(len(texts[a]), len(texts[b])))
        opening = len(ledes[a] & ledes[b]) / max(1, len(ledes[a] | ledes[b]))
        return shared >= 0.5 or opening >= 0.6

    assert not [(a, b) for n, a in enumerate(shown) for b in shown[n + 1 :] if copied(a, b)]
    assert any(copied(a, b) for a, b in behind)


def test_a_story_with_more_copies_than_a_page_ranks_leaves_the_next_stories_to_the_next_page(
    tmp_path: Path,
):
    """A page first ranks twice its stories' worth of articles; when copies of one story fill
    them (here six copies of the Kudus story), more are ranked, so paging one story at a time
    lists the same stories as one page of them all."""
    records = copy_test_records()
    kudus = records[KUDUS[0]]
    extra = [{**kudus, "id": f"{kudus['id']}-{n}", "url": f"{kudus['url']}?{n}"} for n in range(3)]
    seeds, index_dir = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    write_jsonl(seeds / "corpus.jsonl", [*records.values(), *extra])
    build(seeds, index_dir)
    engine = SearchEngine(index_dir, cache_size=0)
    query = "cukai kudus rokok pupuk"  # the Kudus story first, then those with some words
    whole = engine.search(SearchRequest(query, page_size=50))
    assert len(whole.hits[0].copies) == 5
    paged = [
        h.id
        for page in range(1, len(whole.hits) + 1)
        for h in engine.search(SearchRequest(query, page=page, page_size=1)).hits
    ]
    assert paged == [h.id for h in whole.hits] and len(paged) > 1


def test_a_second_text_headlined_with_a_new_voice_is_no_copy(read_pair_records: dict[str, dict]):
    """One publisher's two texts over one opening, the second headlined with the answer of
    someone it quotes whom the first never names, are two stories; without that headline
    (or from unrelated publishers, where other rules decide) the new-voice rule says nothing."""
    a, b = (article_fingerprint(extract_record(read_pair_records[i]).article) for i in NEW_VOICE)
    assert copies._new_voice(a, b)
    assert copy_reason(a, b, a.shingles, b.shingles) is None
    plain = dataclasses.replace(a, title_words=b.title_words)
    assert not copies._new_voice(plain, b)
    assert copy_reason(plain, b, a.shingles, b.shingles) is not None


def test_an_engine_gives_the_copies_of_its_stories_that_a_search_finds(
    tmp_path: Path, build_engine
):
    """`copy_hits`: the copies grouped under a page's stories that the search counts, as
    hits with the words they miss; a filter that leaves a copy out leaves it out here too."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_jsonl(seeds / "corpus.jsonl", list(copy_test_records().values()))
    build_engine.build(seeds)
    engine = build_engine.engine()
    request = SearchRequest("bea cukai kudus rokok ilegal")
    result = engine.search(request)
    (kudus,) = [h for h in result.hits if h.id in KUDUS]
    found = engine.copy_hits(request, result.hits)
    assert set(found) == {kudus.id}
    assert [c.id for c in found[kudus.id]] == [c.id for c in kudus.copies]
    listed = [h.id for h in result.hits] + [c.id for cs in found.values() for c in cs]
    assert len(listed) == len(set(listed)) == result.total + result.total_partial
    for copy in found[kudus.id]:
        assert copy.missing == [] and copy.snippet.matches  # all the words, marked
    one_source = dataclasses.replace(request, sources=(kudus.source,))
    narrowed = engine.search(one_source)
    assert narrowed.total == 1 and engine.copy_hits(one_source, narrowed.hits) == {}


def test_an_export_lists_every_article_counted_with_its_copies_marked(copies_client):
    """/ekspor.csv holds as many rows with all the words as the page counts articles: the
    copies grouped under a story follow it, `copy_of` its id, with its rank."""
    import csv
    import io
    import json

    data = copies_client.get("/api/search?q=bea+cukai+kudus").get_json()
    (lead,) = data["hits"]
    exported = copies_client.get("/ekspor.csv?q=bea+cukai+kudus").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == data["total"] + data["total_partial"] == 3
    assert [(r["id"], r["copy_of"], r["rank"]) for r in rows] == [
        (lead["id"], "", "1"),
        *((c["id"], lead["id"], "1") for c in lead["copies"]),
    ]
    as_json = json.loads(copies_client.get("/ekspor.json?q=bea+cukai+kudus").get_data())
    assert [(h["id"], h["copy_of"]) for h in as_json["hits"]] == [
        (r["id"], r["copy_of"] or None) for r in rows
    ]

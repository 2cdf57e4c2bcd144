"""Officials over the whole shared corpus: the facet holds people holding office, each under
one name and one label per office, and a filter by an official finds only articles about him."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from search.indexing.build import build_articles
from search.model import Article, SearchRequest
from search.retrieval.engine import SearchEngine
from tests.corpus import CORPUS, corpus_articles

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not found"),
]

# Entries the facet listed that are not people holding office under their one name: places,
# agencies, programs, products, phrases, words after a title, misspellings and role words
# left on a name.
NOT_OFFICIALS = [
    "Teluk Bintuni",
    "Narkotika Nasional",
    "DKi Jakarta",
    "Pilkada",
    "Xiaomi",
    "Jokowi Simak Video",
    "Kependudukan",
    "MA",
    "KO",
    "Uu",
    "Pudjiastuti",
    "Binsar Pandjaitan",
    "Jendral Tito Karnavian",
    "Jendertal Tito Karnavian",
    "Sri Muklyani Indrawati",
    "Keungan Sri Mulyani",
    "Doni Munardo",
    "Donny Monardo",
    "Bank Indonesia Perry Warjiyo",
    "Aziz Syamsuddin",
    "Aziz Syamsudin",
    "Sri Lanka",
    "Wirantomenghadiri",
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return list(corpus_articles())


@pytest.fixture(scope="module")
def roles(articles: list[Article]) -> dict[str, Counter]:
    by_name: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        for official in article.officials:
            by_name[official.name][official.role] += 1
    return by_name


def test_the_facet_lists_no_place_agency_program_or_phrase(roles: dict[str, Counter]):
    assert len(roles) > 1000  # the corpus names many officials
    assert not set(NOT_OFFICIALS) & set(roles)
    for merged in ("Tito Karnavian", "Sri Mulyani Indrawati", "Doni Monardo", "Perry Warjiyo"):
        assert merged in roles


def test_one_office_has_one_label_given_to_its_holder(roles: dict[str, Counter]):
    assert roles["Joko Widodo"]["Presiden"] > 1000
    for variant in ("Presiden RI", "Presiden Indonesia", "Presiden Republik Indonesia"):
        assert not any(variant in counts for counts in roles.values())
    assert "Presiden" not in roles["Moeldoko"]


def test_a_namesake_is_not_the_official(articles: list[Article]):
    tagged = defaultdict(list)
    for article in articles:
        for official in article.officials:
            tagged[official.name].append(article)
    assert not [a.id for a in tagged["Sri Mulyani Indrawati"] if "Bupati Klaten Sri" in a.body]
    assert not [
        a.id
        for a in tagged["Airlangga Hartarto"]
        if "Airlangga Hartarto" not in a.body + a.title and "Universitas Airlangga" in a.body
    ]


def test_a_filter_by_tito_karnavian_finds_no_motogp_story(
    articles: list[Article], tmp_path_factory: pytest.TempPathFactory
):
    """The rider Tito Rabat is not the minister Tito Karnavian."""
    chosen = [a for a in articles if "motogp" in (a.title + a.body).lower() or "Tito" in a.body]
    index_dir = Path(tmp_path_factory.mktemp("tito-motogp"))
    build_articles(chosen, index_dir, workers=1)
    engine = SearchEngine(index_dir)
    try:
        assert engine.search(SearchRequest("motogp")).total > 10
        assert engine.search(SearchRequest("", officials=("Tito Karnavian",))).total > 50
        assert engine.search(SearchRequest("motogp", officials=("Tito Karnavian",))).total == 0
    finally:
        engine.close()


def test_a_said_filter_by_an_official_finds_no_namesake(
    articles: list[Article], tmp_path_factory: pytest.TempPathFactory
):
    """The deputy regent of Klaten Sri Mulyani ("diangkat menjadi bupati"), a Ketua MUI
    Kabupaten Langkat Mahfud and a Kepala Balai Prabowo are not the finance minister, Mahfud
    MD and Prabowo Subianto (issue #16): a said= filter by the official, and his "Said by"
    count, leave their quotes out; the official's own, where an article writes only "Sri
    Mulyani" or "Prabowo", are his."""
    namesakes = {
        "Sri Mulyani Indrawati": "clickid-4e24423363fda472",
        "Mahfud MD": "clickid-b29cb000a5f9ca6c",
        "Prabowo Subianto": "clickid-0720bf36b6bc3250",
    }
    own = {
        "Sri Mulyani Indrawati": "clickid-e125381e07bdd886",
        "Prabowo Subianto": "clickid-db1da468edafe851",
    }
    words = ("Sri Mulyani", "Mahfud", "Prabowo")
    chosen = [a for a in articles if any(w in q.speaker for q in a.quotes for w in words)]
    index_dir = Path(tmp_path_factory.mktemp("said-namesakes"))
    build_articles(chosen, index_dir, workers=1)
    engine = SearchEngine(index_dir)
    try:
        counts = dict(engine.search(SearchRequest("")).said_counts)
        for official, namesake in namesakes.items():
            said = engine.resolve_speakers((official,))
            found = engine.search(SearchRequest("", said=said, page_size=100))
            hits = list(found.hits)
            for page in range(2, -(-found.total_stories // 100) + 1):
                hits += engine.search(SearchRequest("", said=said, page_size=100, page=page)).hits
            ids = {hit.id for hit in hits} | {c.id for hit in hits for c in hit.copies}
            assert len(ids) == found.total == counts[official]
            assert namesake not in ids and own.get(official, next(iter(ids))) in ids
    finally:
        engine.close()

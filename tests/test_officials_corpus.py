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

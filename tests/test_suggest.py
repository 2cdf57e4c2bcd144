"""Did you mean: suggestions made of real words from the index, and the correction shown
instead of a search that finds nothing, on both engines (search/query/suggest.py over
search/query/terms.py)."""

from __future__ import annotations

import re

import pytest

from search import config
from search.model import SearchRequest
from search.query.plan import parse_query
from search.query.suggest import correct_word, suggest
from search.query.terms import ReaderTerms
from search.retrieval.engine import SearchEngine


@pytest.fixture(autouse=True)
def _no_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about what is suggested, not when: on a loaded machine the first search
    of a new OpenSearch index can outlast config.EXTRAS_BUDGET_SECONDS, and the page then goes
    without its suggestion by design (tests/test_attacks.py holds the budget to account)."""
    monkeypatch.setattr(config, "EXTRAS_BUDGET_SECONDS", 600.0)


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("birokasi", "birokrasi"),
        ("kemendagr", "kemendagri"),
        ("pelayana publik", "pelayanan publik"),
        ('"reformsi birokrasi" -jokowi', '"reformasi birokrasi" -jokowi'),
    ],
)
def test_misspelt_queries_get_a_suggestion_of_index_words(contract_engine, typed, suggestion):
    result = contract_engine.search(SearchRequest(typed, as_typed=True))
    assert result.suggestion == suggestion
    assert result.to_json()["suggestion"] == suggestion


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [("birokasi", "birokrasi"), ("pelayana publik", "pelayanan publik")],
)
def test_a_search_nothing_matches_shows_the_correction_instead(contract_engine, typed, corrected):
    """No article has all the words typed and a confident correction has some: its results
    are shown, saying what was typed; asked for as typed, the search is left alone."""
    engine = contract_engine
    result = engine.search(SearchRequest(typed))
    assert result.request.query == corrected and result.corrected_from == typed
    assert result.total == engine.search(SearchRequest(corrected)).total > 0
    assert result.to_json()["corrected_from"] == typed
    as_typed = engine.search(SearchRequest(typed, as_typed=True))
    assert as_typed.total == 0 and as_typed.corrected_from is None


def test_a_search_that_finds_something_is_not_corrected(contract_engine):
    assert contract_engine.search(SearchRequest("birokrasi")).corrected_from is None


@pytest.mark.parametrize("typed", ["birokrasi", "dilayani", "Kemendagri", "xqzvw", "yang"])
def test_well_spelt_or_hopeless_queries_get_none(contract_engine, typed):
    assert contract_engine.search(SearchRequest(typed)).suggestion is None


def test_a_correction_found_in_one_article_is_only_suggested(contract_engine):
    """On the five seeds `polisi` is in no article and `politik`, two edits away, in one:
    one against none is no confidence, so the search typed is shown (with nothing found) and
    the correction is only offered as "did you mean"."""
    assert contract_engine.search(SearchRequest("politik", as_typed=True)).total == 1
    result = contract_engine.search(SearchRequest("polisi"))
    assert result.total == 0 and result.corrected_from is None
    assert result.suggestion == "politik"


def test_a_word_being_typed_is_not_corrected(contract_engine):
    """`birokasi` while typing is the start of a word, not a misspelling to correct."""
    typing = contract_engine.search(SearchRequest("birokasi", complete=True))
    assert typing.corrected_from is None and typing.suggestion is None


def test_suggested_words_are_in_the_index(engine: SearchEngine):
    with engine.searcher() as s:
        terms = ReaderTerms(s.reader())
        better = correct_word(terms, "birokasi")
        assert better and s.reader().doc_frequency("body_exact", better) > 0
        assert suggest(terms, "birokrasi", parse_query("birokrasi")) is None


def test_cli_shows_the_suggestion(runner, seed_index):
    from search.cli import cli

    result = runner.invoke(cli, ["query", "birokasi", "--as-typed", "--index", str(seed_index)])
    assert "did you mean: birokrasi" in result.output
    corrected = runner.invoke(cli, ["query", "birokasi", "--index", str(seed_index)])
    assert "showing results for 'birokrasi'; search instead for 'birokasi'" in corrected.output
    assert corrected.exit_code == 0


def test_web_page_links_the_suggestion(client):
    page = client.get("/?q=birokasi&as_typed=1").get_data(as_text=True)
    assert 'id="suggestion"' in page and "q=birokrasi" in page


def test_web_page_shows_the_correction_with_both_links(client):
    page = client.get("/?q=birokasi").get_data(as_text=True)
    line = re.search(r'<p class="suggestion" id="corrected">(.*?)</p>', page, re.S).group(1)
    assert "Showing results for" in line and "search instead for" in line
    assert 'href="/?q=birokrasi"' in line and 'href="/?q=birokasi&amp;as_typed=1"' in line
    assert client.get("/api/search?q=birokasi").get_json()["corrected_from"] == "birokasi"


@pytest.mark.corpus
def test_a_misspelling_in_a_few_articles_is_corrected_to_a_much_commoner_word(build_engine):
    """Real news misspells names: "Yasona" is in a handful of corpus articles, "Yasonna" in
    many times more; the few still get a suggestion (a word in 3 articles or more used not
    to be looked at)."""
    import json

    from tests.corpus import CORPUS, article_from_record

    with CORPUS.open(encoding="utf-8") as lines:
        records = [
            json.loads(line)
            for line in lines
            if "yason" in line.lower() or re.search(r"\b(kuah|kuat)\b", line.lower())
        ]
    build_engine.build_articles([article_from_record(r) for r in records])
    engine = build_engine.engine()
    result = engine.search(SearchRequest("yasona"))
    assert 3 <= result.total < 25
    assert result.suggestion == "yasonna"
    assert engine.search(SearchRequest("yasonna")).suggestion is None
    # A rare common word is not a misspelt name: "kuah" (soup) is not "kuat" (strong).
    kuah = engine.search(SearchRequest("kuah"))
    kuat = engine.search(SearchRequest("kuat"))
    assert 3 <= kuah.total < 25 and kuat.total >= 20 * kuah.total
    assert kuah.suggestion is None


@pytest.mark.corpus
def test_a_word_cut_short_is_corrected_to_the_word_it_starts(build_engine):
    """ "karnav" is in no article; "karna", one edit away, is in a few, "Karnavian", which
    it starts, in many more: Enter on "karnav" shows Karnavian, not "karna". A query whose
    words all match ("tarik ulur", an idiom) gets no suggestion ("tarik ulum") unless the
    suggestion finds far more."""
    import json

    from tests.corpus import CORPUS, article_from_record

    with CORPUS.open(encoding="utf-8") as lines:
        records = [
            json.loads(line)
            for line in lines
            if re.search(r"\b(karnavian|karna|ulur|ulum|yasona|yasonna)\b", line.lower())
        ]
    build_engine.build_articles([article_from_record(r) for r in records])
    engine = build_engine.engine()
    karna = engine.search(SearchRequest("karna", as_typed=True)).total
    karnavian = engine.search(SearchRequest("karnavian")).total
    assert 0 < karna < karnavian
    shown = engine.search(SearchRequest("karnav"))
    assert shown.corrected_from == "karnav" and shown.request.query == "karnavian"
    assert shown.total == karnavian
    assert engine.search(SearchRequest("karnav", as_typed=True)).suggestion == "karnavian"
    for typed in ("tarik ulur", '"tarik ulur"'):
        result = engine.search(SearchRequest(typed))
        assert result.total > 0 and result.suggestion is None, typed
    yasona = engine.search(SearchRequest("yasona"))
    assert yasona.total > 0 and yasona.suggestion == "yasonna"


@pytest.mark.corpus
def test_a_long_word_far_rarer_than_one_edit_away_is_corrected_an_acronym_never(build_engine):
    """`revisi uu kpj`: no article has the three words, and "kpk", one letter from "kpj",
    is in 100 times more, but "kpj" is an acronym of its own (the BPJS card): nothing is
    corrected, and `kpj` alone finds its article. "karhutlah", in 3 articles, gets "did you mean
    karhutla" (in 100 times more, and no form of its root); `karhutlah riau`, which no article
    has, shows karhutla's."""
    import json

    from tests.corpus import CORPUS, article_from_record

    kpj, kpk, karhutlah, karhutla = [], [], [], []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            low = line.lower()
            if re.search(r"\bkpj\b", low):
                kpj.append(line)
            elif re.search(r"\bkarhutlah\b", low):
                karhutlah.append(line)
            elif len(kpk) < 130 and re.search(r"\brevisi\b", low) and re.search(r"\bkpk\b", low):
                kpk.append(line)
            elif len(karhutla) < 400 and re.search(r"\bkarhutla\b", low):
                karhutla.append(line)
    records = [json.loads(line) for line in kpj[:1] + kpk + karhutlah + karhutla]
    build_engine.build_articles([article_from_record(r) for r in records])
    engine = build_engine.engine()
    typed = engine.search(SearchRequest("revisi uu kpj"))
    assert typed.total == 0 and typed.total_partial > 0
    assert typed.suggestion is None and typed.corrected_from is None
    alone = engine.search(SearchRequest("kpj"))
    assert alone.total == 1 and alone.suggestion is None and alone.corrected_from is None
    rare = engine.search(SearchRequest("karhutlah"))
    assert rare.total == len(karhutlah) == 3
    assert rare.suggestion == "karhutla" and rare.corrected_from is None
    riau = engine.search(SearchRequest("karhutlah riau"))
    assert riau.corrected_from == "karhutlah riau" and riau.request.query == "karhutla riau"
    assert riau.total > 0


def test_a_corrected_search_s_pages_and_export_are_the_correction_s(contract_engine):
    """A search showing a correction's results lists and exports the correction's: its pages
    past the first are the correction's (the search typed has fewer or none: its page past
    its last was refused), and its export's rows are the correction's articles, each copy
    row matched against the words shown."""
    from search.saved.queries import export_rows, listed_count

    typed, corrected = "pelayana publik", "pelayanan publik"
    request = SearchRequest(typed, page_size=1)
    shown = contract_engine.search(request)
    assert shown.corrected_from == typed
    wanted = contract_engine.search(SearchRequest(corrected))
    rows = [row for page in export_rows(contract_engine, SearchRequest(typed)) for row in page]
    ids = [hit.id for hit, _ in rows]
    assert len(ids) == len(set(ids)) == wanted.total + wanted.total_partial
    assert listed_count(wanted) <= len(ids)


def test_a_corrected_search_s_page_links_carry_the_correction(client):
    page = client.get("/?q=pelayana+publik&size=1").get_data(as_text=True)
    assert 'id="corrected"' in page
    links = re.findall(r'<nav class="pages".*?</nav>', page, re.S)
    assert links and "q=pelayanan+publik" in links[0] and "pelayana+publik&" not in links[0]
    assert client.get("/?q=pelayanan+publik&size=1&page=2").status_code == 200

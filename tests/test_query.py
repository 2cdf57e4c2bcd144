"""Query parsing and the ranking it builds: syntax, glossary, names against stems.

The search tests run on a small slice of the shared corpus chosen for the words they need
(Kediri and mendirikan, Bekasi and bekas, KPK and its long form, pembenahan, e-KTP).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from search.indexing.build import build_articles
from search.model import Article, RequestError, SearchRequest
from search.query.plan import parse_query
from search.retrieval.engine import SearchEngine
from tests.conftest import CORPUS

# (name, must contain, must not contain): up to PER_NEED articles of each.
NEEDS = [
    ("kediri", r"\bKediri\b", None),
    ("mendirikan", r"\bmendirikan\b", r"\bKediri\b"),
    ("bekasi", r"\bBekasi\b", r"\bbekas\b"),
    ("bekas", r"\bbekas\b", r"\bBekasi\b"),
    ("long form", r"Komisi Pemberantasan Korupsi", r"\bKPK\b"),
    ("acronym", r"\bKPK\b", r"Komisi Pemberantasan"),
    ("pembenahan", r"\bpembenahan\b", None),
    ("e-ktp", r"\be-KTP\b", None),
    ("sandiaga", r"\bSandiaga\b", r"\bSandi\b"),
    # a law written in full or short, two words the corpus also writes as one
    ("undang-undang", r"\bUndang-Undang KPK\b", r"\bUU\b"),
    ("ibukota", r"\b[Ii]bukota\b", r"(?i)\bibu kota\b"),
    ("ibu kota", r"\b[Ii]bu kota\b", r"(?i)\bibukota\b"),
]
PER_NEED = 4


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


# -- parsing ----------------------------------------------------------------------------------


def test_words_phrases_exclusions_and_required():
    parsed = parse_query('pelayanan "reformasi birokrasi" -pungli NOT korupsi +publik')
    assert [w.exact for w in parsed.words] == ["pelayanan", "publik"]
    assert [[w.exact for w in p] for p in parsed.phrases] == [["reformasi", "birokrasi"]]
    assert [w.exact for w in parsed.excluded] == ["pungli", "korupsi"]
    assert [w.exact for w in parsed.required] == ["publik"]


def test_and_requires_both_sides_and_or_is_the_default():
    assert [w.exact for w in parse_query("banjir AND jakarta").required] == ["banjir", "jakarta"]
    parsed = parse_query("banjir OR longsor")
    assert [w.exact for w in parsed.words] == ["banjir", "longsor"] and not parsed.required


def test_a_required_word_is_a_concept_of_its_own_and_the_others_stay_optional():
    """`+wamena papua`: wamena is required, papua is not; "lalu AND lintas" is two
    concepts, not the compound (AND parts concepts as OR does)."""
    plan = parse_query("+wamena papua")
    assert [(u.label, u.required) for u in plan.units] == [("wamena", True), ("papua", False)]
    assert [[u.label for u in g] for g in plan.required_groups()] == [["wamena"]]
    assert [[u.label for u in g] for g in plan.missable_groups()] == [["papua"]]
    assert [u.label for u in parse_query("lalu AND lintas").units] == ["lalu", "lintas"]
    # a name typed required still names the official (whose tagged articles it finds)
    assert [name for name, _ in parse_query("+jokowi").officials] == ["Joko Widodo"]


@pytest.mark.parametrize("text", ["jokowi AND", "jokowi AND  "])
def test_a_stray_and_is_no_operator(text):
    plan = parse_query(text)
    assert not plan.required and [u.required for u in plan.units] == [False]


def test_a_hyphenated_pair_of_words_is_one_concept_of_its_two_words():
    """`kebakaran-hutan` is found by its two words (written with or without the hyphen),
    as one concept, or by its joined spelling; it is missed as typed."""
    (unit,) = parse_query("kebakaran-hutan").units
    assert [w.exact for w in unit.words] == ["kebakaran", "hutan"]
    assert [[w.exact for w in alt] for alt in unit.alternatives] == [["kebakaranhutan"]]
    assert unit.label == "kebakaran-hutan"
    assert [name for name, _ in parse_query("tito-karnavian").officials] == ["Tito Karnavian"]
    excluded = parse_query("banjir -kebakaran-hutan")
    assert [[w.exact for w in p] for p in excluded.excluded_phrases] == [["kebakaran", "hutan"]]


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("e-KTP", "ektp"),  # a glossary prefix: the joined spelling (and KTP elektronik)
        ("e-commerce", "ecommerce"),
        ("anak-anak", "anak"),  # a reduplication: the word
        ("kupu-kupu", "kupu"),
        ("covid-19", "covid19"),  # digits
        ("di-PHK", "diphk"),  # a function word
    ],
)
def test_other_hyphenated_words_keep_their_one_spelling(typed, searched):
    assert [w.exact for w in parse_query(typed).words] == [searched]


def test_fields_filters_and_prefix():
    parsed = parse_query("title:banjir source:kompas.com official:Jokowi birokra*")
    assert [w.exact for w in parsed.title_words] == ["banjir"]
    assert parsed.filters == {"sources": ["kompas.com"], "officials": ["Jokowi"]}
    assert parsed.prefixes == ["birokra"]
    assert parse_query("bi*").prefixes == []  # too short a prefix: read as a word


def test_unknown_field_is_read_as_words():
    assert [w.exact for w in parse_query("jam:10").words] == ["jam", "10"]


@pytest.mark.parametrize(
    "text", ['"reformasi birokrasi', 'reformasi" birokrasi', "AND reformasi OR", "NOT", "-", "*"]
)
def test_bad_syntax_never_raises(text):
    assert parse_query(text).text == text  # read, never refused


def test_function_words_are_dropped_but_never_empty_the_query():
    assert [w.exact for w in parse_query("pelayanan di kota").words] == ["pelayanan", "kota"]
    assert [w.exact for w in parse_query("yang").words] == ["yang"]


def test_reduplication_and_compounds_in_queries():
    assert [w.stem for w in parse_query("pembenahan-pembenahan").words] == ["benah"]
    assert [w.exact for w in parse_query("e-KTP").words] == ["ektp"]


def test_glossary_acronym_and_long_form_are_alternatives():
    (unit,) = parse_query("KPK").units
    assert [[w.exact for w in alt] for alt in unit.alternatives] == [
        ["komisi", "pemberantasan", "korupsi"]
    ]
    (unit,) = parse_query("Komisi Pemberantasan Korupsi").units
    assert [[w.exact for w in alt] for alt in unit.alternatives] == [["kpk"]]


@pytest.mark.parametrize(
    ("query", "units"),
    [
        ("pasar minggu", [("pasar minggu", True)]),  # a district of Jakarta
        ("tanah abang", [("tanah abang", True)]),
        ("banjir pasar minggu", [("banjir", False), ("pasar minggu", True)]),
        ("demo hong kong", [("demo", False), ("hong kong", True)]),
        ("pasar ikan minggu", [("pasar", False), ("ikan", False), ("minggu", False)]),
        # Common phrases that hold a place's name (place_phrases_mined.txt): the new capital,
        # coal, water to drink.
        # (the capital is one concept, also written "ibukota": joined_spellings_mined.txt)
        ("ibu kota baru", [("ibu kota", False), ("baru", False)]),
        # (coal is a compound, one concept: compounds_mined.txt)
        ("harga batu bara", [("harga", False), ("batu bara", False)]),
        ("minum air putih", [("minum", False), ("air", False), ("putih", False)]),
        ("banjir tanah abang", [("banjir", False), ("tanah abang", True)]),
        # A place's kind typed before its name (place_units.txt): the place, not a peak.
        ("kabupaten puncak", [("kabupaten puncak", True)]),
        ("kabupaten puncak jaya", [("kabupaten", False), ("puncak jaya", True)]),
        # a name no common word shares is found however the article writes it
        ("provinsi papua", [("provinsi", False), ("papua", False)]),
        ("kota jakarta", [("kota", False), ("jakarta", False)]),
        ("banjir kecamatan penjaringan", [("banjir", False), ("kecamatan penjaringan", True)]),
        ("gempa kota palu", [("gempa", False), ("kota palu", True)]),
        # A kind with no place after it, or a word typed between: no place.
        ("kabupaten baru", [("kabupaten", False), ("baru", False)]),
        ("kota dan palu", [("kota", False), ("palu", False)]),
    ],
)
def test_a_place_of_several_words_is_one_unit_found_as_a_phrase(query, units):
    """The places gazetteer's names of several words are one concept, read as a phrase."""
    assert [(u.label, u.place) for u in parse_query(query).units] == units


@pytest.mark.parametrize(
    ("query", "units"),
    [
        # A glossary long form typed: found in full as a phrase, as its acronym finds it.
        ("kereta rel listrik", [("kereta rel listrik", True)]),
        (
            "sidang komisi pemberantasan korupsi",
            [("sidang", False), ("komisi pemberantasan korupsi", True)],
        ),
        (
            "kementerian pekerjaan umum dan perumahan rakyat",
            [("kementerian", False), ("pekerjaan umum perumahan rakyat", True)],
        ),
        # The acronym typed is one word; the words typed apart are no long form.
        ("krl", [("krl", False)]),
        ("kereta dan rel listrik", [("kereta", False), ("rel", False), ("listrik", False)]),
    ],
)
def test_a_long_form_is_one_unit_found_as_a_phrase(query, units):
    plan = parse_query(query)
    assert [(u.label, u.long_form) for u in plan.units] == units
    assert all(u.whole == u.long_form for u in plan.units)


@pytest.mark.parametrize(
    ("query", "units"),
    [
        # A mined compound (compounds_mined.txt) is one concept: traffic, not "then" and
        # "across".
        ("kecelakaan lalu lintas", ["kecelakaan", "lalu lintas"]),
        ("tanah longsor", ["tanah longsor"]),
        # A glossary long form that holds one keeps it: KDRT.
        ("kekerasan dalam rumah tangga", ["kekerasan rumah tangga"]),
        # A place holds its words first: Jakarta Utara.
        ("banjir jakarta utara", ["banjir", "jakarta utara"]),
        ("lintas lalu", ["lintas", "lalu"]),
    ],
)
def test_a_compound_is_one_concept(query, units):
    assert [u.label for u in parse_query(query).units] == units


@pytest.mark.parametrize(
    ("query", "units"),
    [
        # Either side of OR: two concepts, not a place or a compound.
        ("jakarta OR utara", ["jakarta", "utara"]),
        ("lalu OR lintas", ["lalu", "lintas"]),
        ("tanah abang OR pasar minggu", ["tanah abang", "pasar minggu"]),
        ("banjir OR lalu lintas", ["banjir", "lalu lintas"]),
        ("komisi OR pemberantasan korupsi", ["komisi", "pemberantasan", "korupsi"]),
        # A function word between: a market on a Sunday, "then and across".
        ("pasar di minggu", ["pasar", "minggu"]),
        ("lalu dan lintas", ["lalu", "lintas"]),
        ("lalu -macet lintas", ["lalu", "lintas"]),
        # A long form holds its function words (they are dropped): BPOM, KDRT.
        ("badan pengawas obat dan makanan", ["badan pengawas obat makanan"]),
        # A filter typed between is no word (the query's text is "pasar minggu").
        ("pasar source:kompas.com minggu", ["pasar minggu"]),
        # A long form reads across only the function words it is written with.
        ("bank dan indonesia", ["bank", "indonesia"]),
        ("pemilihan untuk umum", ["pemilihan", "umum"]),
        # A word typed twice is read at each place; a concept typed twice is one.
        ("jakarta utara OR tanah abang", ["jakarta utara", "tanah abang"]),
        ("jakarta utara OR jakarta selatan", ["jakarta utara", "jakarta selatan"]),
        ("pasar minggu pasar minggu", ["pasar minggu"]),
    ],
)
def test_words_make_one_concept_only_where_typed_together(query, units):
    assert [u.label for u in parse_query(query).units] == units


@pytest.mark.parametrize(
    ("query", "groups"),
    [
        # OR joins the words either side of it, so the concepts holding them
        ("tanah abang OR pasar minggu", [["tanah abang", "pasar minggu"]]),
        ("banjir tanah abang OR pasar minggu", [["banjir"], ["tanah abang", "pasar minggu"]]),
        ("jakarta utara OR jakarta selatan", [["jakarta utara", "jakarta selatan"]]),
        ("korupsi OR suap kpk", [["korupsi", "suap"], ["kpk"]]),
        # without OR, two concepts each count
        ("tanah abang pasar minggu", [["tanah abang"], ["pasar minggu"]]),
    ],
)
def test_or_between_concepts_of_several_words_joins_them(query, groups):
    assert [[u.label for u in g] for g in parse_query(query).unit_groups()] == groups


@pytest.mark.parametrize(
    ("query", "required", "missable"),
    [
        # a prefix or an exact: part beside OR is one side of it, not required of every result
        ("banjir OR rob*", [["banjir", "rob*"]], []),
        ("rob* OR banjir", [["rob*", "banjir"]], []),
        ("exact:banjir OR longsor", [["exact:banjir", "longsor"]], []),
        ('exact:"tanah longsor" OR banjir', [['exact:"tanah longsor"', "banjir"]], []),
        ("title:papua OR wamena*", [["title:papua", "wamena*"]], []),
        ("title:papua OR title:wame*", [["title:papua", "title:wame*"]], []),
        # the words typed beside the OR make their own group, which a result may miss
        ("banjir OR rob* jakarta", [["banjir", "rob*"]], [["jakarta"]]),
        ("banjir OR rob* +jakarta", [["banjir", "rob*"], ["jakarta"]], []),
    ],
)
def test_a_prefix_or_an_exact_part_beside_or_is_one_side_of_it(query, required, missable):
    """`banjir OR rob*`: either side counts as having that concept (the prefix or the exact
    phrase was required of every result: OR read as AND)."""
    plan = parse_query(query)
    assert [[u.label for u in g] for g in plan.required_groups()] == required
    assert [[u.label for u in g] for g in plan.missable_groups()] == missable
    assert not plan.prefixes and not plan.title_prefixes and not plan.exact_phrases


def test_a_prefix_or_an_exact_part_typed_without_or_stays_required():
    plan = parse_query('banjir rob* exact:"tanah longsor" -exact:hoaks')
    assert plan.prefixes == ["rob"] and [u.label for u in plan.units] == ["banjir"]
    assert [[w.exact for w in p] for p in plan.exact_phrases] == [["tanah", "longsor"]]
    assert [[w.exact for w in p] for p in plan.excluded_exact] == [["hoaks"]]
    assert [[u.label for u in g] for g in plan.missable_groups()] == [["banjir"]]


def test_an_excluded_prefix_is_a_prefix_not_a_word():
    """`-rob*` leaves out every word starting with "rob" (it left out the word "rob" alone),
    in any field (`-title:rob*` too: an exclusion reads no field); nothing to score."""
    for text in ("banjir -rob*", "banjir NOT rob*", "banjir -title:rob*"):
        plan = parse_query(text)
        assert plan.excluded_prefixes == ["rob"], text
        assert not plan.excluded and not plan.has_prefixes and not plan.notes, text
    assert not parse_query("-rob*").notes  # exclusions alone: no "nothing to search" note


def test_a_prefix_and_an_exact_part_beside_or_are_found_and_marked_as_typed():
    """A prefix unit has no words (it is found by the words it starts) and counts among
    the typed prefixes (MAX_PREFIXES, the words to expand); an exact: unit's words are as
    written (no stems), marked only as a run."""
    plan = parse_query('rob* OR exact:"tanah longsor"')
    prefix, exact = plan.units
    assert (prefix.prefix, prefix.words, prefix.typed_part) == ("rob", [], True)
    assert plan.typed_prefixes() == [("rob", False)] and plan.has_prefixes
    assert exact.exact and exact.phrase and all(not w.stem for w in exact.words)
    assert plan.marked_runs() == [("=", "tanah", "longsor")]
    assert "tanah" not in plan.exact_forms()
    many = parse_query("aaa* OR bbb* OR ccc* OR ddd* OR eee*")
    assert [u.prefix for u in many.units] == ["aaa", "bbb", "ccc", "ddd"] and many.notes


def test_two_words_also_written_as_one_look_for_either_spelling():
    """joined_spellings_mined.txt: the capital is written "ibu kota" and "ibukota"."""
    (unit,) = parse_query("ibu kota").units
    assert [[w.exact for w in alt] for alt in unit.alternatives] == [["ibukota"]]
    (unit,) = parse_query("ibukota").units
    assert [[w.exact for w in alt] for alt in unit.alternatives] == [["ibu", "kota"]]
    # not across OR, nor where the words were typed apart
    assert [u.label for u in parse_query("ibu OR kota").units] == ["ibu", "kota"]
    assert not any(u.alternatives for u in parse_query("ibu di kota").units)


def test_a_short_name_also_looks_for_the_full_name():
    """Sandi is written for Sandiaga (short_names_mined.toml); the reverse is not searched."""
    (unit,) = parse_query("sandi").units
    assert [[w.exact for w in alt] for alt in unit.alternatives] == [["sandiaga"]]
    assert not parse_query("sandiaga").units[0].alternatives


def test_a_short_name_of_an_official_names_the_official():
    """Enggar is short for Enggartiasto, the gazetteer's alias of Enggartiasto Lukita: the
    articles tagged with him are found and ranked as for his name."""
    assert [name for name, _ in parse_query("enggar impor").officials] == ["Enggartiasto Lukita"]


def test_short_mined_acronyms_expand_only_in_capitals():
    assert parse_query("AS").units[0].alternatives
    assert not parse_query("as").units[0].alternatives


@pytest.mark.parametrize(
    ("typed", "expands"),
    [
        ("sdm", True),  # SDM 506 times, sdm 30: sumber daya manusia
        ("phk", True),  # pemutusan hubungan kerja
        ("the", False),  # THE (Times Higher Education), and "the" in English names
        ("spa", False),  # SPA (Saudi Press Agency), and a spa
        ("api", False),  # a word: fire (API, Asosiasi Pertekstilan Indonesia, in capitals)
    ],
)
def test_a_mined_acronym_typed_in_lower_case_expands_where_the_corpus_writes_it_in_capitals(
    typed, expands
):
    (unit,) = parse_query(typed).units
    assert bool(unit.alternatives) is expands
    assert parse_query(typed.upper()).units[0].alternatives


def test_a_prefixed_compound_also_finds_its_short_forms_long_form_spelt_out():
    """e-KTP is also written "KTP elektronik" and "Kartu Tanda Penduduk Elektronik"
    (clickid-4ebb835fffa3c130): each is an alternative, searched as a phrase."""
    (unit,) = parse_query("e-ktp").units
    spelt = [[w.exact for w in alt] for alt in unit.alternatives]
    assert ["ktp", "elektronik"] in spelt
    assert ["kartu", "tanda", "penduduk", "elektronik"] in spelt


# -- searching a slice of the corpus --------------------------------------------------------


@pytest.fixture(scope="module")
def slice_engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    if not CORPUS.exists():
        pytest.skip("the shared corpus is not available")
    wanted = {name: [] for name, _, _ in NEEDS}
    compiled = [
        (name, re.compile(must), re.compile(never) if never else None)
        for name, must, never in NEEDS
    ]
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            text = f"{record['title']}\n{record['body']}"
            for name, must, never in compiled:
                if (
                    len(wanted[name]) < PER_NEED
                    and must.search(text)
                    and not (never and never.search(text))
                ):
                    wanted[name].append(record)
                    break
            if all(len(v) == PER_NEED for v in wanted.values()):
                break
    records = {r["id"]: r for rs in wanted.values() for r in rs}
    articles = [Article(id=i, title=r["title"], body=r["body"]) for i, r in records.items()]
    index_dir = Path(tmp_path_factory.mktemp("slice-index"))
    build_articles(articles, index_dir)
    engine = SearchEngine(index_dir)
    engine.slice = wanted  # type: ignore[attr-defined]
    return engine


def hit_ids(engine: SearchEngine, text: str) -> list[str]:
    return [h.id for h in engine.search(SearchRequest(text, page_size=100)).hits]


def text_of(engine: SearchEngine, article_id: str) -> str:
    article = engine.article(article_id)
    assert article is not None
    return f"{article.title}\n{article.body}"


@pytest.mark.corpus
def test_kediri_does_not_match_mendirikan(slice_engine: SearchEngine):
    found = hit_ids(slice_engine, "Kediri")
    assert len(found) >= PER_NEED
    assert all("kediri" in words(text_of(slice_engine, i)) for i in found)
    assert {r["id"] for r in slice_engine.slice["mendirikan"]}.isdisjoint(found)
    assert set(hit_ids(slice_engine, "mendirikan")) >= {
        r["id"] for r in slice_engine.slice["mendirikan"]
    }


@pytest.mark.corpus
def test_bekasi_does_not_match_bekas_and_the_reverse(slice_engine: SearchEngine):
    bekasi, bekas = hit_ids(slice_engine, "Bekasi"), hit_ids(slice_engine, "bekas")
    assert bekasi and bekas
    assert all("bekasi" in words(text_of(slice_engine, i)) for i in bekasi)
    assert all("bekas" in words(text_of(slice_engine, i)) for i in bekas)


@pytest.mark.corpus
def test_kpk_finds_its_long_form_and_the_reverse(slice_engine: SearchEngine):
    long_form = {r["id"] for r in slice_engine.slice["long form"]}
    acronym = {r["id"] for r in slice_engine.slice["acronym"]}
    assert long_form and acronym
    assert set(hit_ids(slice_engine, "KPK")) >= long_form | acronym
    assert set(hit_ids(slice_engine, "Komisi Pemberantasan Korupsi")) >= long_form | acronym


@pytest.mark.corpus
def test_a_short_name_finds_the_articles_that_write_the_full_name(slice_engine: SearchEngine):
    full = {r["id"] for r in slice_engine.slice["sandiaga"]}
    assert full
    assert set(hit_ids(slice_engine, "sandi")) >= full


@pytest.mark.corpus
def test_snippet_marks_both_the_acronym_and_its_long_form(slice_engine: SearchEngine):
    result = slice_engine.search(SearchRequest("KPK", page_size=100))
    long_form = {r["id"] for r in slice_engine.slice["long form"]}
    marked = {
        m.lower()
        for h in result.hits
        if h.id in long_form
        for m in re.findall(r"<mark>(.*?)</mark>", h.snippet.html())
    }
    assert {"komisi", "pemberantasan", "korupsi"} <= marked


@pytest.mark.corpus
def test_reduplicated_plural_finds_the_singular(slice_engine: SearchEngine):
    wanted = {r["id"] for r in slice_engine.slice["pembenahan"]}
    assert wanted and set(hit_ids(slice_engine, "pembenahan-pembenahan")) >= wanted


@pytest.mark.corpus
def test_hyphenated_compound_is_found_by_either_spelling_and_by_its_part(
    slice_engine: SearchEngine,
):
    wanted = {r["id"] for r in slice_engine.slice["e-ktp"]}
    for text in ("e-KTP", "eKTP", "KTP"):
        assert set(hit_ids(slice_engine, text)) >= wanted, text


@pytest.mark.corpus
@pytest.mark.parametrize("text", ['"Komisi Pemberantasan', "KPK AND", "OR Bekasi", "Kediri -"])
def test_unbalanced_quotes_and_stray_operators_return_results(slice_engine, text):
    assert slice_engine.search(SearchRequest(text)).total > 0


@pytest.mark.corpus
@pytest.mark.parametrize(("first", "second"), [("bekasi", "polisi"), ("kediri", "warga")])
def test_articles_with_all_the_words_rank_above_the_others(slice_engine, first, second):
    result = slice_engine.search(SearchRequest(f"{first} {second}", page_size=100))
    both = [{first, second} <= set(words(text_of(slice_engine, h.id))) for h in result.hits]
    assert any(both) and not all(both)  # partial matches are kept, below full ones
    assert both == sorted(both, reverse=True)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("UU KPK", "undang-undang"),
        ("ibu kota", "ibukota"),
        ("ibukota", "ibu kota"),
    ],
)
def test_either_spelling_finds_the_other_with_all_the_words(slice_engine, typed, written):
    """A law is written "UU" or "Undang-Undang" (glossary.toml: the index writes "uu" beside
    the long form), the capital "ibu kota" or "ibukota": an article writing the other
    spelling has all the words, not a missing one."""
    wanted = {r["id"] for r in slice_engine.slice[written]}
    result = slice_engine.search(SearchRequest(typed, page_size=100))
    complete = {h.id for h in result.hits if not h.missing}
    assert wanted and complete >= wanted


@pytest.mark.corpus
def test_exact_form_outranks_other_forms_of_the_root(slice_engine: SearchEngine):
    result = slice_engine.search(SearchRequest("mendirikan", page_size=100))
    exact = ["mendirikan" in words(text_of(slice_engine, h.id)) for h in result.hits]
    assert any(exact) and not all(exact)  # "didirikan", "pendirian" ... are found too
    assert exact == sorted(exact, reverse=True)


@pytest.mark.corpus
def test_prefix_finds_words_that_start_with_it(slice_engine: SearchEngine):
    wanted = {r["id"] for r in slice_engine.slice["pembenahan"]}
    assert set(hit_ids(slice_engine, "pembena*")) >= wanted


@pytest.mark.parametrize("typed", ["“revisi uu kpk”", "„revisi uu kpk“", "«revisi uu kpk»"])
def test_typographic_double_quotes_make_a_phrase(typed):
    assert parse_query(typed).phrases == parse_query('"revisi uu kpk"').phrases != []


@pytest.mark.parametrize("typed", ["Ma’ruf Amin", "Ma‘ruf Amin", "Maʼruf Amin"])
def test_any_apostrophe_is_the_plain_one(typed):
    assert parse_query(typed).words == parse_query("Ma'ruf Amin").words
    assert parse_query(typed).words[0].exact == "ma'ruf"


def test_an_exact_phrase_keeps_function_words_and_splits_compounds():
    parsed = parse_query('exact:"tidak akan mundur dari e-KTP" jokowi')
    assert [[w.exact for w in p] for p in parsed.exact_phrases] == [
        ["tidak", "akan", "mundur", "dari", "e", "ktp"]
    ]
    assert all(not w.stem for p in parsed.exact_phrases for w in p)
    assert [w.exact for w in parsed.words] == ["jokowi"]
    assert not parse_query('exact:"tidak akan"').is_empty


@pytest.mark.parametrize(
    ("typed", "same_as"),
    [
        ('exact: "tidak akan mundur"', 'exact:"tidak akan mundur"'),
        ("kpk source: tempo.co", "kpk source:tempo.co"),
        ("title: birokrasi", "title:birokrasi"),
        ("kpk exact:", "kpk"),
    ],
)
def test_a_space_after_a_field_s_colon_is_allowed(typed, same_as):
    assert parse_query(typed) == parse_query(same_as)


@pytest.mark.corpus
def test_the_word_being_typed_is_completed_by_the_commonest_words_it_starts(
    corpus_contract_engine,
):
    """`karnav` while typing finds Karnavian (and the commonest completion first); no
    spelling suggestion for the unfinished word; searched as typed, it is not a prefix."""
    corpus_engine = corpus_contract_engine
    typing = corpus_engine.search(SearchRequest("tito karnav", complete=True, page_size=20))
    assert typing.total > 0 and typing.suggestion is None and typing.corrected_from is None
    for hit in [h for h in typing.hits if not h.missing]:  # (copies shown once: by stories)
        article = corpus_engine.article(hit.id)
        assert "karnav" in f"{article.title} {article.body}".lower()
    assert "karnavian" in typing.hits[0].snippet.text.lower() + typing.hits[0].title.lower()
    typed = corpus_engine.search(SearchRequest("tito karnav", as_typed=True))
    assert typed.total == 0
    finished = corpus_engine.search(SearchRequest("tito karnavian"))
    assert {h.id for h in finished.hits} <= {h.id for h in typing.hits}


def test_only_a_plain_last_word_is_completed(engine: SearchEngine):
    from search.query.prefixes import complete_last_word
    from search.query.terms import ReaderTerms

    with engine.searcher() as s:
        reader = ReaderTerms(s.reader())
        for text in ('"reformasi birok"', "birok -jokowi", "birok*", "source:tempo"):
            plan = parse_query(text)
            assert complete_last_word(reader, plan) is plan, text
        plan = complete_last_word(reader, parse_query("reformasi birok"))
        words = [w.exact for w, _ in plan.units[-1].completions]
        assert "birokrasi" in words and all(w.startswith("birok") for w in words)
        weights = [weight for _, weight in plan.units[-1].completions]
        assert weights == sorted(weights, reverse=True) and weights[0] <= 1


def test_a_title_word_being_typed_is_completed_in_titles(contract_engine):
    """`title:birok` while typing is the start of a title's word (title:birok*): as a whole
    word no title has it."""
    typing = contract_engine.search(SearchRequest("title:birok", complete=True))
    assert typing.total == contract_engine.search(SearchRequest("title:birok*")).total > 0
    assert all("birok" in h.title.lower() for h in typing.hits)
    assert contract_engine.search(SearchRequest("title:birok", as_typed=True)).total == 0


def test_a_filter_being_typed_that_names_no_one_yet_is_left_out(contract_engine):
    """`said:karnav` while typing: no RequestError, the filter is left out with a note;
    finished (Enter), it is still refused with the names it may mean."""
    typing = contract_engine.search(SearchRequest("birokrasi said:karnav", complete=True))
    assert typing.request.said == () and typing.total > 0
    assert typing.total == contract_engine.search(SearchRequest("birokrasi")).total
    assert any("said:karnav" in note for note in typing.notes)
    with pytest.raises(RequestError):
        contract_engine.search(SearchRequest("birokrasi said:karnav"))


@pytest.mark.corpus
def test_a_word_of_two_letters_being_typed_is_completed(corpus_contract_engine):
    """`revisi uu kp` while typing: kp is the start of KPK, so the articles on the revision
    of the KPK law have all the words (a word was completed from its third letter: every
    article was listed missing "kp")."""
    engine = corpus_contract_engine
    typing = engine.search(SearchRequest("revisi uu kp", complete=True))
    assert typing.total >= engine.count(SearchRequest("revisi uu kpk")) > 0
    assert engine.count(SearchRequest("revisi uu kp", as_typed=True)) == 0


@pytest.mark.corpus
def test_a_title_word_being_typed_beside_or_is_completed_in_titles(corpus_contract_engine):
    """`title:banjir OR title:jakar` while typing: either title word, the second completed
    in titles (Jakarta), as `title:banjir OR title:jakarta` finds."""
    engine = corpus_contract_engine
    typing = engine.search(SearchRequest("title:banjir OR title:jakar", complete=True))
    assert typing.total >= engine.count(SearchRequest("title:banjir OR title:jakarta")) > 0
    assert all(re.search(r"banjir|\bjakar", h.title.lower()) for h in typing.hits)
    typed = engine.count(SearchRequest("title:banjir OR title:jakar", as_typed=True))
    assert typed == engine.count(SearchRequest("title:banjir"))


@pytest.mark.corpus
def test_a_hyphenated_word_being_typed_is_completed(corpus_contract_engine):
    """`e-kt` while typing finds e-KTP (searched by its joined spelling, ektp)."""
    typing = corpus_contract_engine.search(SearchRequest("e-kt", complete=True, page_size=50))
    assert typing.total >= corpus_contract_engine.search(SearchRequest("e-ktp")).total > 0
    assert corpus_contract_engine.search(SearchRequest("e-kt", as_typed=True)).total == 0


# Sentences of corpus articles (by id) that write one thing two ways.
TWO_WAYS = {
    "clickid-f3c29776976c8776": "Dia menyebutkan, surat keterangan dapat digunakan sebagai"
    " pengganti KTP elektronik.",
    "clickid-62c4d29ec1c704c6": "KPK telah menetapkan empat tersangka baru terkait kasus"
    " korupsi e-KTP.",
    "clickid-f575c8c166815f8a-1": "Kepala Biro Penerangan Masyarakat Divisi Humas Polri Brigjen"
    " (Pol) Dedi Prasetyo mengatakan, kebakaran hutan dan lahan di Sumatera begitu pekat.",
    "clickid-f575c8c166815f8a-2": "Satgas bertugas memantau atau memetakan daerah mana saja yang"
    " terjadi karhutla.",
    "clickid-9fc764756ce8400e-1": "Koordinator Divisi Korupsi Politik Indonesia Corruption Watch"
    " (ICW), mengatakan, calon pimpinan KPK tersandera dengan kepentingan DPR.",
    "clickid-9fc764756ce8400e-2": '"Proses ini sengaja dilakukan untuk menyandera capim KPK'
    ' semenjak sekarang," kata Donal.',
    "clickid-751842ceef6ccf2c": "Ratusan meja-kursi itu tersebar di ragam sekolah yang dimerger"
    " Pemkot Bekasi.",
    "clickid-1273abb23788d14e": "Kami meminta Pemerintah Kota Cilegon untuk terus memaksimalkan"
    " dukungan terhadap kegiatan PMI Kota Cilegon.",
    "clickid-4f0d00f3ba54144a": "Hal tersebut disampaikan jaksa saat membacakan surat tuntutan"
    " untuk Ending dan Johny yang menjadi terdakwa di Pengadilan Tipikor Jakarta.",
    "clickid-d8c4b14cc30eeb57": '"Dalam dakwaan saya disebut bantu Lukman, tapi dalam uraian saya'
    ' bantu Haris, jadi saya ini bantu siapa?" kata Rommy dalam sidang pembacaan dakwaan di'
    " Pengadilan Tindak Pidana Korupsi Jakarta.",
    "clickid-e3346a58ae4734d6": "Ekspedisi Jejak Pendaki Semeru juga didukung oleh perusahaan"
    " asuransi jiwa FWD Life Indonesia dan Kementerian Lingkungan Hidup dan Kehutanan.",
    "clickid-a0debd371e24c6d6": "Tim evakuasi terdiri dari TNI, polisi, Danlanal Banyuwangi,"
    " BPSPL Denpasar, BBKSDA Jatim, Kementerian Kelautan dan Perikanan, Kementerian LHK, dan"
    " pihak terkait.",
    "clickid-799c726e823a60fc": "Selama Hamdan bercerita dalam perjalanan ojol, dia selalu"
    " menangis sampai terisak-isak.",
    "clickid-ea568a47f3238be3": "Sebelumnya, dari pantauan , di kawasan Blok M dan Melawai, Rabu"
    " (18/9/2019), banyak pengemudi ojek online yang menunggu penumpang di jalur tersebut.",
    "clickid-0601cff8168d449e": "Pelanggaran terbanyak dilakukan ojek daring.",
    "clickid-267ca586d4b6d1d1": "Ketidakmampuan membayar utang yang membengkak dari pinjaman daring"
    " membuat ia nekat mengakhiri hidupnya.",
    "clickid-9b39e4f765dbf78f": "Ia menceritakan ada masyarakat yang meminjam uang melalui pinjaman"
    " online saat jatuh tempo biasanya akan dihubungi dan ditagih.",
    "clickid-0b631ce32ed2ad21": '"Pemerintah mendukung industri esport.',
    "clickid-e730131572f476dd": "Perhatian khusus diberikan Kementerian Pemuda dan Olahraga ( ,)"
    " terhadap atlet e-sports yang berjuang mengharumkan nama bangsa.",
}


def sentences_engine(folder: Path, sentences: dict[str, str]) -> SearchEngine:
    """An engine over an index of one article for each sentence, by its id."""
    build_articles([Article(id=i, title="", body=b) for i, b in sentences.items()], folder)
    return SearchEngine(folder)


@pytest.fixture(scope="module")
def two_ways_engine(tmp_path_factory) -> SearchEngine:
    return sentences_engine(tmp_path_factory.mktemp("two-ways"), TWO_WAYS)


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("e-KTP", {"clickid-f3c29776976c8776", "clickid-62c4d29ec1c704c6"}),
        ("KTP elektronik", {"clickid-f3c29776976c8776", "clickid-62c4d29ec1c704c6"}),
        ("karhutla", {"clickid-f575c8c166815f8a-1", "clickid-f575c8c166815f8a-2"}),
        ("kebakaran hutan dan lahan", {"clickid-f575c8c166815f8a-1", "clickid-f575c8c166815f8a-2"}),
        ("capim", {"clickid-9fc764756ce8400e-1", "clickid-9fc764756ce8400e-2"}),
        ("calon pimpinan kpk", {"clickid-9fc764756ce8400e-1", "clickid-9fc764756ce8400e-2"}),
        ("pemkot", {"clickid-751842ceef6ccf2c", "clickid-1273abb23788d14e"}),
        ("pemerintah kota", {"clickid-751842ceef6ccf2c", "clickid-1273abb23788d14e"}),
        ("tipikor", {"clickid-4f0d00f3ba54144a", "clickid-d8c4b14cc30eeb57"}),
        ("tindak pidana korupsi", {"clickid-4f0d00f3ba54144a", "clickid-d8c4b14cc30eeb57"}),
        # a long form inside a long form: "Kementerian LHK"
        (
            "kementerian lingkungan hidup dan kehutanan",
            {"clickid-e3346a58ae4734d6", "clickid-a0debd371e24c6d6"},
        ),
        ("KLHK", {"clickid-e3346a58ae4734d6", "clickid-a0debd371e24c6d6"}),
        # online services: a contraction, "online" and its Indonesian word "daring"
        (
            "ojol",
            {"clickid-799c726e823a60fc", "clickid-ea568a47f3238be3", "clickid-0601cff8168d449e"},
        ),
        (
            "ojek online",
            {"clickid-799c726e823a60fc", "clickid-ea568a47f3238be3", "clickid-0601cff8168d449e"},
        ),
        ("pinjaman online", {"clickid-267ca586d4b6d1d1", "clickid-9b39e4f765dbf78f"}),
        ("pinjaman daring", {"clickid-267ca586d4b6d1d1", "clickid-9b39e4f765dbf78f"}),
        # with or without the plural s
        ("e-sports", {"clickid-0b631ce32ed2ad21", "clickid-e730131572f476dd"}),
        ("esport", {"clickid-0b631ce32ed2ad21", "clickid-e730131572f476dd"}),
    ],
)
def test_both_ways_of_writing_a_thing_have_all_the_words(two_ways_engine, query, ids):
    """An abbreviation or contraction news uses finds its long form and the reverse (mined
    ones too: Tipikor), and e-X finds "X elektronik": each such article has all the words of
    the query."""
    result = two_ways_engine.search(SearchRequest(query, as_typed=True))
    assert {h.id for h in result.hits if not h.missing} == ids


# Sentences of corpus articles (by id) writing one thing in the forms news uses, and words
# sharing the root of a short form that are no form of it (menjabarkan: Jabar; menyulut: Sulut).
ONE_THING = {
    "clickid-7fd1544a15602b60": '"Pak Wagub Jabar sudah mewacanakan akan mengkaji keluhan nelayan'
    ' dan pengerukan alur sungai di daerah Legokjawa," kata Jamhuri.',
    "clickid-1ffee9e77389b5c0": "Wakil Gubernur Jawa Barat Uu Ruzhanul Ulum menyatakan prihatin"
    " terjadinya penusukan hingga menewaskan seorang santri.",
    "clickid-eba90603bddd1d4e": "Mereka memperkenalkan diri, sekaligus menjabarkan peran masing-masing.",
    "clickid-0d94952559cd104a": "Pembangunan diarahkan pada Sulut berdikari ekonomi, berdaulat"
    " politik, dan berbudaya.",
    "clickid-12d9dc054a230459": "Anggota DPD RI asal Nusa Tenggara Timur (NTT) Syafrudin Atasoge"
    " terlibat adu mulut dengan senator asal Sulawesi Utara Benny Ramdhani.",
    "clickid-193a348f2f8fdb7b": "Postingan Veronica Koman dianggap memprovokasi dan menyulut aksi"
    " kerusuhan di Papua.",
    "clickid-c3849602f7bdcd3b": "Dia meminta agar Polres Metro Jakbar segera menarik pasukan dari"
    " Kantor DPP.",
    "clickid-fdb386bc3978c111": "Surat panggilan pertama dilayangkan ke alamat keluarga Veronica"
    " Koman di Jakarta Barat dan Jakarta Selatan.",
    "clickid-62c4d29ec1c704c6": "KPK telah menetapkan empat tersangka baru terkait kasus korupsi"
    " e-KTP.",
    "clickid-679ddc9804404722": "Tidak adanya eKTP, membuat Erna luput dari pendataan berbagai"
    " bentuk bantuan sosial yang disediakan pemerintah.",
    "clickid-f3c29776976c8776": "Dia menyebutkan, surat keterangan dapat digunakan sebagai"
    " pengganti KTP elektronik.",
    "clickid-f3c29776976c8776-2": "(KTP-el atau ,) di Dinas Kependudukan dan Pencatatan Sipil"
    " (Disdukcapil) Kabupaten",
    "clickid-1592e239bd27defc": "terdakwa kasus korupsi KTP-elektronik, digelar di Pengadilan"
    " Negeri (PN) Jakarta Pusat.",
    "clickid-4ebb835fffa3c130": "Dian khawatir terhadap biaya persalinan lantaran SA belum memiliki"
    " Kartu Tanda Penduduk Elektronik.",
    "clickid-f5c6ee14b6d6ead0": 'paralel, RUU Pemasyarakatan dulu baru RKUHP," kata Arsul.',
    "clickid-b9328ed9589ad60f": "Agar pengesahan RUU KUHP ditunda dan pengesahannya tak dilakukan"
    " DPR periode ini.",
    "clickid-b4fb303ac2d705de": '"Tadi malam kami juga menyelesaikan pembahasan dan perumusan'
    " revisi KUHP.",
}
JABAR = {"clickid-7fd1544a15602b60", "clickid-1ffee9e77389b5c0"}
SULUT = {"clickid-0d94952559cd104a", "clickid-12d9dc054a230459"}
JAKBAR = {"clickid-c3849602f7bdcd3b", "clickid-fdb386bc3978c111"}
EKTP = {
    "clickid-62c4d29ec1c704c6",
    "clickid-679ddc9804404722",
    "clickid-f3c29776976c8776",
    "clickid-f3c29776976c8776-2",
    "clickid-1592e239bd27defc",
    "clickid-4ebb835fffa3c130",
}
RKUHP = {"clickid-f5c6ee14b6d6ead0", "clickid-b9328ed9589ad60f", "clickid-b4fb303ac2d705de"}


@pytest.fixture(scope="module")
def one_thing_engine(tmp_path_factory) -> SearchEngine:
    return sentences_engine(tmp_path_factory.mktemp("one-thing"), ONE_THING)


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        # a short form whose root other words share (Jabar: menjabarkan) finds its long form
        ("jabar", JABAR),
        ("jawa barat", JABAR),
        ("wagub jabar", JABAR),
        ("sulut", SULUT),
        ("sulawesi utara", SULUT),
        ("jakbar", JAKBAR),
        ("jakarta barat", JAKBAR),
        *((form, EKTP) for form in ("e-KTP", "eKTP", "ektp", "KTP-el", "KTP elektronik")),
        # KTP-el typed without its hyphen (a journalist's reading: 1 article, not 29)
        ("ktp el", EKTP),
        ("KTP-elektronik", EKTP),
        ("kartu tanda penduduk elektronik", EKTP),
        ("rkuhp", RKUHP),
        ("ruu kuhp", RKUHP),
        ("revisi kuhp", RKUHP),
    ],
)
def test_every_form_news_writes_a_thing_in_finds_the_others(one_thing_engine, query, ids):
    """A province's short form and its name (not the words sharing the short form's root),
    e-KTP in its six spellings, the draft criminal code as RKUHP, RUU KUHP and revisi KUHP: a
    query for any form has all its words in every article writing one of them, and in no
    other."""
    result = one_thing_engine.search(SearchRequest(query, as_typed=True))
    assert {h.id for h in result.hits if not h.missing} == ids


@pytest.mark.parametrize(
    ("query", "close"),
    [
        ("jokowi ibu kota", ["ibu", "kota"]),
        ("susi pudjiastuti penenggelaman kapal", ["penenggelaman", "kapal"]),
        ("perang dagang amerika china", ["perang", "dagang", "amerika", "china"]),
    ],
)
def test_the_words_naming_an_official_do_not_rank_by_closeness(query, close):
    """A name always stands together and near what the person did: only the other words'
    closeness ranks (the official bonus ranks the articles about the person)."""
    plan = parse_query(query)
    assert [w.exact for w in plan.proximity_words(plan.words)] == close


@pytest.mark.parametrize(
    ("query", "cased"),
    [
        ("Palu", "palu"),  # the city, and a gavel (capitalised 0.72 of the time)
        ("serang", "serang"),  # the city, and attack
        ("sandi", "sandi"),  # Sandi (Sandiaga), and a password
        ("ganjar", None),  # always a name: the case says nothing
        ("kuningan", None),  # not in the mined list (no other word shares its root)
        ("pendidikan", None),  # capitalised in office names (Dinas Pendidikan): no name
        ("kota", None),  # a word of place names (Kota Malang), no place of its own
        ("novel", None),  # Novel Baswedan is in no list of names
        ("palu sulawesi", None),  # another word says which sense is meant
        ("jokowi ibu kota", None),
        ("title:palu", None),
        ("+palu", None),
        ("palu*", None),
        ('exact:"palu"', None),
        ("palu OR serang", None),
    ],
)
def test_a_name_and_common_word_typed_alone_is_read_by_its_case(query, cased):
    """A word typed alone that names a place or a person and is a common word too asks for
    the name: the plan
    marks it (`QueryPlan.cased`), so the articles writing it only in lower case rank last."""
    plan = parse_query(query)
    assert (plan.cased.exact if plan.cased else None) == cased


@pytest.mark.parametrize(
    ("query", "as_written"),
    [
        ("ganjar", True),  # Ganjar Pranowo; *diganjar*, awarded, shares the root
        ("bandung", True),  # a city the archive writes capitalised
        ("ramadan", False),  # *Ramadhan* is read as ramadan: the stem finds it
        ("tuhan", False),  # capitalised, but no name: *Tuhannya*, *ketuhanan* are its forms
        ("serang", False),  # the city and an attack: as often in lower case
        ("banjir", False),
    ],
)
def test_a_name_sharing_its_root_with_other_words_is_found_as_written(query, as_written):
    (word,) = parse_query(query).words
    assert word.as_written is as_written and word.stem
    assert word.root_term == ("" if as_written else word.stem)


def test_a_name_found_as_written_keeps_its_stem_in_a_phrase():
    """A phrase is found by its words' stems next to each other (function words left out):
    a name in it is one of them ("Gubernur Jawa Tengah Ganjar" is found by its roots)."""
    plan = parse_query('"gubernur ganjar"')
    (phrase,) = plan.phrases
    assert [w.stem for w in phrase] == ["gubernur", "ganjar"]
    assert "ganjar" not in plan.stems() and "ganjar" in plan.exact_forms()


@pytest.mark.parametrize(
    "query",
    ["pelayanan source:kompas.com OR netralitas", "pelayanan OR source:kompas.com netralitas"],
)
def test_an_or_beside_a_filter_joins_no_words(query):
    """A filter is no word: the OR typed beside it joins the words on neither side, and the
    query reads as its text without the filter does ("pelayanan netralitas")."""
    plan = parse_query(query)
    groups = [u.group for u in plan.units]
    assert groups == [u.group for u in parse_query(plan.text).units] and len(set(groups)) == 2

"""Extraction on articles nobody here wrote: a fixed sample of the shared corpus.

The sample (every 60th record, 424 articles) goes through extraction as a raw page: the
title line and the body text, no metadata fields. Dates are compared with the corpus date;
officials with hand-annotated gold (tests/data/officials_gold.toml), both scored by
tests/extraction_scores.py (the benchmark of extraction prints the same scores as figures).
"""

from __future__ import annotations

import json

import pytest

from search.ingest.records import extract_record
from tests.corpus import CORPUS, records, records_with_ids
from tests.extraction_scores import GOLD, HELDOUT, load_gold, score_dates, score_officials

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not found"),
]


@pytest.fixture(scope="module")
def sample():
    return list(records(every=60))


def test_the_sample_is_fixed_and_large_enough(sample):
    assert len(sample) >= 300
    assert sample[0]["id"] == json.loads(CORPUS.open(encoding="utf-8").readline())["id"]


def test_dates_are_exact_where_the_lede_holds_them_and_never_invented(sample):
    score = score_dates(sample).as_dict()
    assert score["lede_holds_date"] >= 100
    assert score["exact_where_lede_holds_date"] >= 0.95
    assert score["no_date_in_text"] >= 100
    assert score["invented_where_text_has_none"] == 0


@pytest.mark.parametrize("gold_file", [GOLD, HELDOUT], ids=lambda path: path.stem)
def test_officials_precision_and_recall_on_hand_annotated_gold(gold_file):
    gold = load_gold(gold_file)
    assert len(gold) >= 30
    score = score_officials(records_with_ids(set(gold)), gold)
    assert score["precision"] >= 0.9, score["errors"]
    assert score["recall"] >= 0.8, score["errors"]


def test_officials_facet_merges_aliases(sample):
    names = {o.name for record in sample for o in extract_record(record).article.officials}
    assert "Joko Widodo" in names
    assert not names & {"Jokowi", "Presiden Jokowi", "Anies", "Habibie", "BJ Habibie"}


@pytest.mark.parametrize(
    ("record_id", "speaker", "official"),
    [
        # "Kepala Badan Pengkajian dan Penerapan Teknologi (,) Hammam Riza mengatakan"
        ("clickid-e85be934e3a1771a", "Hammam Riza", "Hammam Riza"),
        # "peneliti Indonesia Corruption Watch (,) Kurnia Ramadhana": no "Watch Kurnia"
        ("clickid-e90c8bfcfc9b99bb", "Kurnia Ramadhana", None),
        # "Wakil Ketua Badan Legislasi ( ,) DPR RI Sarmuji menyebut": no "RI Sarmuji"
        ("clickid-e11adc3e2b0ee345", "Sarmuji", "Sarmuji"),
        # "Menteri Kelautan dan Perikanan ( ,) , Pudjiastuti akhirnya buka suara": as written
        ("clickid-5d29b5d793730395", "Susi Pudjiastuti", "Susi Pudjiastuti"),
    ],
)
def test_brackets_a_removed_link_left_empty_do_not_cut_a_role_from_its_name(
    record_id, speaker, official
):
    article = extract_record(records_with_ids({record_id})[record_id]).article
    assert speaker in {q.speaker for q in article.quotes}
    assert all(q.text == article.body[q.start : q.end] for q in article.quotes)
    if official:
        assert official in {o.name for o in article.officials}


@pytest.mark.parametrize(
    ("record_id", "caption", "tags", "called", "speaker"),
    [
        # okezone: "Kompany" in the story, "Vincent Kompany" in the photo's caption and a tag
        (
            "clickid-c734f206161d566a",
            "Vincent Kompany (Foto: Reuters/Jason Cairnduff)",
            ["Liga Inggris", "Vincent Kompany", "Manchester City"],
            "Kompany",
            "Vincent Kompany",
        ),
        # kompas: "ujar Desta" in the story, "Presenter Deddy Mahendra Desta saat ..." above it
        (
            "clickid-088f24442d55799d",
            "Presenter Deddy Mahendra Desta saat berkunjung ke Menara Kompas, Palmerah, "
            "Jakarta Barat, Senin (9/9/2019).(KOMPAS.com/REVI C RANTUNG)",
            [],
            "Desta",
            "Deddy Mahendra Desta",
        ),
    ],
)
def test_a_speaker_the_story_calls_by_one_name_has_the_full_name_its_page_writes(
    record_id, caption, tags, called, speaker
):
    """The story writes the speaker by one name only; the page's caption or tag writes the
    full name. Without them the speaker stays as the story writes it."""
    from search.ingest.extract import extract_article

    record = records_with_ids({record_id})[record_id]
    story = [line for line in record["body"].split("\n") if line.strip()]
    bare = f"{record['title']}\n{record['date']}\n" + "\n".join(story)
    assert {q.speaker for q in extract_article(bare, record_id).article.quotes} == {called}
    tagged = "\n".join(["Tags", *tags, "Copyright © 2020"]) if tags else ""
    page = f"{record['title']}\n{record['date']}\n{caption}\n" + "\n".join(story) + "\n" + tagged
    quotes = extract_article(page, record_id).article.quotes
    assert quotes and {q.speaker for q in quotes} == {speaker}


@pytest.mark.parametrize(
    ("record_id", "speaker"),
    [
        # 'Christopher "Itop" Tanuwidjaja', then '"...," ujar Itop'
        ("clickid-cdf4773240d3c272", "Christopher Tanuwidjaja"),
        # "pelatih Bali United Stefano 'Teco' Cugurra", then '"...," ujar Teco' (no "United")
        ("clickid-74bc2b69cebe1ea7", "Stefano Cugurra"),
    ],
)
def test_a_nickname_quoted_inside_a_name_is_that_person(record_id, speaker):
    article = extract_record(records_with_ids({record_id})[record_id]).article
    assert speaker in {q.speaker for q in article.quotes}
    assert not {"Itop", "Teco", "United Stefano Cugurra"} & {q.speaker for q in article.quotes}


@pytest.mark.parametrize(
    ("record_id", "speaker", "call_name"),
    [
        # "Muhammad Abdul Basit" in the lede, "ungkap Abbas, demikian biasa ia dipanggil"
        # paragraphs later
        ("clickid-93f8eec18c7d6674", "Muhammad Abdul Basit", "Abbas"),
        # "Bambang Nurdiansyah" early, "ucap Banur" paragraphs later
        ("clickid-ff062034a2ca4cfa", "Bambang Nurdiansyah", "Banur"),
    ],
)
def test_a_call_name_is_the_person_named_paragraphs_before(record_id, speaker, call_name):
    speakers = {
        q.speaker for q in extract_record(records_with_ids({record_id})[record_id]).article.quotes
    }
    assert speaker in speakers
    assert call_name not in speakers


@pytest.mark.parametrize("record_id", ["clickid-0f9b6f376962ed5d", "clickid-4b35c0af5350f797"])
def test_a_sentence_opening_with_who_someone_is_names_no_speaker(record_id):
    """ "Pelaku ..." or "Korban ..." opening a sentence is the suspect or the victim, no name."""
    speakers = {
        q.speaker for q in extract_record(records_with_ids({record_id})[record_id]).article.quotes
    }
    assert not speakers & {"Pelaku", "Korban"}


@pytest.mark.parametrize(
    ("record_id", "junk", "speaker"),
    [
        # a body's name listed with commas: "Badan Meteorologi, Klimatologi, dan Geofisika"
        ("clickid-eeee6f59517cdcb2", "Klimatologi", None),
        ("clickid-efd9e1c79696d203", "Klimatologi", None),
        # a company's post in English: "Corporate Communications Strategic of Lion Air Group,
        # Danang Mandala Prihantoro", "Dennis Mink, VP Marketing", "Unit Manager Comm"
        (
            "clickid-d8ebbae5da9f9f5e",
            "Corporate Communications Strategic",
            "Danang Mandala Prihantoro",
        ),
        ("clickid-39ab0f56251e4643", "VP Marketing", "Dennis Mink"),
        ("clickid-d9bd878475e88d31", "Comm", "Roby Hervindo"),
        # a union, a news site, a police unit's place, a speaker naming himself
        ("clickid-e48e418b8bfa6059", "International Union", None),
        ("clickid-c966a0407eef7a06", "Etoday", None),
        ("clickid-ee6328515a24e280", "Labuhan", None),
        ("clickid-c473884ced522b39", "Saya Agus Rahardjo", "Agus Rahardjo"),
    ],
)
def test_institutions_posts_and_places_are_no_speakers(record_id, junk, speaker):
    """The "Said by" facet's junk names (issue #17): institutions and titles are not
    speakers, a role's fragment no part of a name; the person named with them is."""
    speakers = {
        q.speaker for q in extract_record(records_with_ids({record_id})[record_id]).article.quotes
    }
    assert junk not in speakers
    assert speaker is None or speaker in speakers

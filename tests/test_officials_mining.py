"""search/ingest/extract/officials_mining.py: officials mined from the corpus, and what the
mined gazetteer entries (search/data/officials_mined.toml) do to extraction."""

from __future__ import annotations

import json
import tomllib
import zlib
from pathlib import Path

import pytest

from search.ingest.extract.officials import find_officials, hand_gazetteer_names
from search.ingest.extract.officials_mining import MIN_ARTICLES, mine_officials
from tests.corpus import corpus_path

MINED = Path(__file__).resolve().parent.parent / "search" / "data" / "officials_mined.toml"
SEPTEMBER_2019 = (20190901, 20190930)


def _records_writing(*names: str) -> list[dict]:
    """The corpus records that write any of the names."""
    found = []
    with corpus_path().open(encoding="utf-8") as lines:
        for line in lines:
            if any(name in line for name in names):
                found.append(json.loads(line))
    return found


@pytest.fixture(scope="module")
def mined_here() -> dict[str, tuple[str, int, int]]:
    return mine_officials(_records_writing("Murad Ismail", "Ahmad Yani", "Herman Deru"))


def test_a_governor_the_corpus_names_by_office_is_mined(mined_here):
    role, articles, naming = mined_here["Murad Ismail"]
    assert role == "Gubernur Maluku"
    assert articles >= MIN_ARTICLES and naming >= articles
    assert mined_here["Herman Deru"][0] == "Gubernur Sumatera Selatan"


def test_a_name_most_articles_write_otherwise_is_not_mined(mined_here):
    # Bupati Muara Enim in a few articles, a street and an airport in most
    assert "Ahmad Yani" not in mined_here


def test_the_mined_file_holds_people_named_by_office():
    entries = tomllib.loads(MINED.read_text(encoding="utf-8"))["official"]
    assert len(entries) > 100
    known = hand_gazetteer_names()
    for entry in entries:
        assert len(entry["name"].split()) >= 2, entry
        assert entry["roles"] and entry["roles"][0], entry
        assert entry["articles"] >= MIN_ARTICLES, entry
        assert entry["name"].lower() not in known, entry
    names = {e["name"] for e in entries}
    assert "Ahmad Yani" not in names and "Sandiaga Uno" not in names


def test_a_mined_official_named_without_his_office_is_an_official():
    text = (
        "Tantangan perang yang dilayangkan Murad Ismail karena kebijakan yang merugikan "
        "nelayan Maluku dijawab Menteri Susi Pudjiastuti."
    )
    found = {o.name: o.role for o in find_officials([text], SEPTEMBER_2019)}
    assert found["Murad Ismail"] == "Gubernur Maluku"


def test_a_mined_name_in_an_article_naming_nothing_of_his_office_is_not_him():
    # the mined Dedi Mulyadi was Bupati Purwakarta; this one is a provincial civil servant
    text = (
        "Badan Kepegawaian Daerah Provinsi Jabar, Dedi Mulyadi memastikan wanita itu bukan ASN "
        "setelah memeriksa sistem deteksi wajah."
    )
    assert "Dedi Mulyadi" not in [o.name for o in find_officials([text], SEPTEMBER_2019)]


def test_a_name_one_letter_from_a_mined_one_is_another_person():
    # "Iman Prayitno" (a customs office head) is mined; the governor of West Sumatra is not
    # renamed after him
    text = "Gubernur Sumatera Barat Irwan Prayitno menyerukan agar masyarakat tetap tenang."
    assert [o.name for o in find_officials([text], SEPTEMBER_2019)] == ["Irwan Prayitno"]


REVIEW = Path(__file__).parent / "data" / "officials_mined_review.tsv"
SAMPLE_MODULUS = 4
MIN_PRECISION = 0.95


def _sampled(name: str) -> bool:
    """A fixed quarter of the names, whatever else the file holds (by their CRC-32)."""
    return zlib.crc32(name.encode("utf-8")) % SAMPLE_MODULUS == 0


def test_a_read_sample_of_the_mined_officials_is_precise():
    """A quarter of the mined entries was read (tests/data/officials_mined_review.tsv); a
    regenerated file's new entries of that quarter need reading."""
    verdicts = {}
    for line in REVIEW.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith(("#", "name\t")):
            name, official, role_ok, _ = line.split("\t")
            verdicts[name] = official == "yes" and role_ok == "yes"
    entries = tomllib.loads(MINED.read_text(encoding="utf-8"))["official"]
    sample = [e["name"] for e in entries if _sampled(e["name"])]
    assert len(sample) >= 50
    unread = [name for name in sample if name not in verdicts]
    assert not unread, f"read these mined officials in {REVIEW.name}: {unread}"
    precision = sum(verdicts[name] for name in sample) / len(sample)
    assert precision >= MIN_PRECISION, precision


@pytest.mark.parametrize(
    "text",
    [
        # introduced as anyone: "bernama"
        "Seorang warga bernama Rahmat Effendi di Kota Bekasi ditangkap karena mencuri motor.",
        # named as a candidate in a story of a candidacy
        "Bakal calon Wali Kota Tangsel mendaftar: Tomi Patria, Kolonel Beben, dan Hery Gagarin "
        "menyerahkan formulir pendaftaran di Cipayung.",
    ],
)
def test_a_mined_name_introduced_as_no_office_holder_is_not_an_official(text):
    assert not {"Rahmat Effendi", "Tomi Patria"} & {
        o.name for o in find_officials([text], SEPTEMBER_2019)
    }

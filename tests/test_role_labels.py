"""search/ingest/extract/role_labels_mining.py and officials.office_key: one office, one
label, as the corpus writes it most (search/data/role_labels_mined.toml)."""

from __future__ import annotations

import json
import re
import tomllib
import zlib
from collections import Counter
from pathlib import Path

import pytest

from search.ingest.extract.officials import canonical_role, find_officials, office_key
from search.ingest.extract.role_labels_mining import choose_labels, count_labels
from tests.corpus import corpus_path

MINED = Path(__file__).resolve().parent.parent / "search" / "data" / "role_labels_mined.toml"
REVIEW = Path(__file__).parent / "data" / "role_labels_review.tsv"
SEPTEMBER_2019 = (20190901, 20190930)
MIN_PRECISION = 0.97
# an office's line in the mined file that merges other labels: key, label, "# n; others"
_MERGING = re.compile(r'^"(?P<key>[^"]*)" = "[^"]*"  # \d+; ')


def _roles(text: str) -> list[tuple[str, str]]:
    return [(o.name, o.role) for o in find_officials([text], SEPTEMBER_2019)]


@pytest.mark.parametrize(
    "texts",
    [
        # corpus writings of one office (clickid-2019): the police chief of Central Java
        [
            "Kapolda Jateng Irjen Pol Rycko Amelza Dahniel mengatakan hal itu.",
            "Kapolda Jawa Tengah Irjen Pol Rycko Amelza Dahniel mengatakan hal itu.",
            "Kepala Kepolisian Daerah Jawa Tengah Irjen Pol Rycko Amelza Dahniel mengatakan "
            "hal itu.",
        ],
        # a seat of the DPR's third commission, whatever faction its holder sits in
        [
            "Anggota Komisi III DPR Arsul Sani mengatakan hal itu.",
            "Anggota Komisi III DPR RI dari Fraksi PPP Arsul Sani mengatakan hal itu.",
            "Anggota Komisi III DPR Fraksi PPP Arsul Sani mengatakan hal itu.",
        ],
        # a province's office with its word, its short name, or neither
        [
            "Gubernur Sumatera Selatan Herman Deru mengatakan hal itu.",
            "Gubernur Sumsel Herman Deru mengatakan hal itu.",
            "Gubernur Provinsi Sumatera Selatan Herman Deru mengatakan hal itu.",
        ],
        # a Director General's office written without its ministry: the one ministry's
        [
            "Dirjen Bina Marga Sugiyartanto mengatakan hal itu.",
            "Direktur Jenderal Bina Marga Kementerian PUPR Sugiyartanto mengatakan hal itu.",
        ],
        # DKI is DKI Jakarta
        [
            "Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo mengatakan hal itu.",
            "Kepala Dinas Perhubungan DKI Syafrin Liputo mengatakan hal itu.",
            # a short form the mined glossary spells out (Kadishub, Dishub)
            "Kadishub DKI Jakarta Syafrin Liputo mengatakan hal itu.",
            "Kepala Dishub DKI Syafrin Liputo mengatakan hal itu.",
        ],
        # an acronym whose long forms are one name however spelt (glossary_mined.toml: BPOM)
        [
            "Kepala BPOM Penny K Lukito mengatakan hal itu.",
            "Kepala Badan Pengawas Obat dan Makanan Penny K Lukito mengatakan hal itu.",
        ],
    ],
)
def test_one_office_written_in_several_ways_has_one_label(texts):
    read = [_roles(text) for text in texts]
    assert all(len(found) == 1 for found in read), read
    assert len({found[0] for found in read}) == 1, read


@pytest.mark.parametrize(
    ("role", "label"),
    [
        # the holder's faction leaves the label, what follows it stays
        ("Anggota Komisi III DPR RI dari Fraksi PPP", "Anggota Komisi III DPR"),
        ("Anggota DPRD Fraksi PDIP Kota Bekasi", "Anggota DPRD Kota Bekasi"),
        ("Anggota DPR dari Fraksi Partai Keadilan Sejahtera", "Anggota DPR"),
        ("Ketua DPR RI Fraksi PKS", "Ketua DPR RI Fraksi PKS"),
        # a place's word written twice is its own ("Pulau-Pulau Batu")
        ("Camat Pulau Pulau Batu", "Camat Pulau Pulau Batu"),
    ],
)
def test_a_label_without_the_holders_faction(role, label):
    assert canonical_role(role) == label


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a different place, level or post is a different office
        ("Kapolda Jateng", "Kapolda Jatim"),
        ("Kepala Dinas Kesehatan Kota Depok", "Kepala Dinas Kesehatan Kabupaten Depok"),
        ("Wakil Wali Kota Tangsel", "Wali Kota Tangsel"),
        ("Ketua Fraksi PKS DPR", "Ketua Fraksi Golkar DPR"),  # a faction's own post
        # a chair written with a faction after the legislature chairs the faction
        # (clickid-e666ceb9fc9abb81: Jazuli Juwaini)
        ("Ketua DPR RI Fraksi PKS", "Ketua DPR"),
        # a numbered commission written alone may be a DPRD's ("Komisi III DPRD Kaltim")
        ("Anggota Komisi III", "Anggota Komisi III DPR"),
    ],
)
def test_different_offices_keep_different_keys(a, b):
    assert office_key(canonical_role(a)) != office_key(canonical_role(b))


def test_every_mined_label_is_its_own_label():
    """A label of the file read again gives itself and its own office's key (the file is a
    fixed point of extraction: mining it again changes nothing by itself)."""
    labels = tomllib.loads(MINED.read_text(encoding="utf-8"))["labels"]
    assert len(labels) >= 500
    wrong = {key: label for key, label in labels.items() if canonical_role(label) != label}
    assert not wrong
    # its own office's, or the office written with its national parent body after it
    # ("Dirjen Bina Marga": the Dirjen Bina Marga Kementerian PUPR)
    assert all(
        office_key(label) in (key, f"{key} {office_key(label)[len(key) + 1 :]}")
        and office_key(label).startswith(key)
        for key, label in labels.items()
    )


def test_a_read_sample_of_the_merged_offices_is_precise():
    """Half the offices that merge labels was read (tests/data/role_labels_review.tsv); a
    regenerated file's new offices of that half need reading."""
    verdicts = {}
    for line in REVIEW.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "office_key\t")):
            key, same_office, _label_ok, *_ = line.split("\t")
            verdicts[key] = same_office == "yes"
    merging = [
        m.group("key")
        for line in MINED.read_text(encoding="utf-8").splitlines()
        if (m := _MERGING.match(line))
    ]
    sample = [key for key in merging if zlib.crc32(key.encode("utf-8")) % 2 == 0]
    assert len(sample) >= 50
    unread = [key for key in sample if key not in verdicts]
    assert not unread, f"read these offices in {REVIEW.name}: {unread}"
    precision = sum(verdicts[key] for key in sample) / len(sample)
    assert precision >= MIN_PRECISION, precision


def test_mining_picks_the_label_written_most_then_the_fuller():
    counts = {
        "kepala kepolisian daerah jawa tengah": Counter(
            {
                "Kapolda Jateng": 15,
                "Kapolda Jawa Tengah": 5,
                "Kepala Kepolisian Daerah Jawa Tengah": 3,
            }
        ),
        "sekretaris daerah sulawesi selatan": Counter(
            {"Sekda Provinsi Sulsel": 1, "Sekretaris Daerah Provinsi Sulawesi Selatan": 1}
        ),
        "gubernur banten": Counter({"Gubernur Provinsi Banten": 1, "Gubernur Banten": 1}),
        "bupati gowa": Counter({"Bupati Gowa": 1}),  # held once: no entry
    }
    assert {key: label for key, (label, _) in choose_labels(counts).items()} == {
        "kepala kepolisian daerah jawa tengah": "Kapolda Jateng",
        "sekretaris daerah sulawesi selatan": "Sekretaris Daerah Provinsi Sulawesi Selatan",
        "gubernur banten": "Gubernur Banten",
    }


def test_mining_counts_every_writing_of_an_office_under_one_key():
    """Over the corpus records that name Rycko Amelza Dahniel, the office he holds is one
    key, held in most of them."""
    with corpus_path().open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if "Rycko Amelza" in line]
    counts = count_labels(records)[office_key("Kapolda Jateng")]
    assert sum(counts.values()) >= len(records) // 2

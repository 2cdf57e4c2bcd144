"""Posts of associations written like public offices (search.ingest.extract.association_posts),
on lines of the 2019 corpus: they give no official."""

from __future__ import annotations

import pytest

from search.ingest.extract.association_posts import association_post, names_association
from search.ingest.extract.officials import find_officials


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an association's acronym, by the glossary's long form (Asosiasi Pertekstilan
        # Indonesia, Aliansi Jurnalis Independen)
        (
            "Sekretaris Jenderal API Jawa Barat Rizal Tanzil Rakhman menyebutkan kondisi "
            "keuangan mayoritas pabrik",
            [],
        ),
        ("kata Sekretaris Jenderal AJI Revolusi Riza di Jakarta.", []),
        # an acronym no state body's after a head associations give as often as states
        (
            "Presiden Indonesian Maritime Pilots Association (INAMPA) Pasoroan Herman "
            "Harianja yang mengangkat tema",
            [],
        ),
        ("Presiden KSPI Said Iqbal mengatakan hal itu.", []),
        # the UN's secretary-general is an office, though "Persatuan" opens associations' names
        # (a review's case)
        (
            "Sekjen Persatuan Bangsa-Bangsa (PBB) Antonio Guterres mengatakan krisis iklim "
            "makin parah.",
            [("Antonio Guterres", "Sekretaris Jenderal PBB")],
        ),
        # the state's secretary-general keeps his body's short form
        (
            "Sekretaris Jenderal Kementerian Perdagangan (Kemendag) Oke Nurwan mengatakan "
            "impor naik.",
            [("Oke Nurwan", "Sekretaris Jenderal Kemendag")],
        ),
        # a secretary-general with no body after the head: a party's or an association's
        (
            "Dia merupakan bagian dari rombongan DPP PDIP yang dipimpin Sekjen Hasto Kristiyanto.",
            [],
        ),
        ("PB PBSI mengutus Sekretaris Jenderal Achmad Budiarto. Sedangkan PB Djarum", []),
        (
            "Sekretaris Jenderal Interpol Jurgen Stock di Hanoi, Vietnam.",
            [],
        ),
        # a regency's tourism promotion board, of industry members
        (
            "Kepala Badan Promosi Pariwisata Daerah (BPPD) Lombok Timur, Ahmad Roji "
            "mengungkapkan, ini merupakan kegiatan perdana",
            [],
        ),
        # a party's regional board with its level
        (
            "Hal itu disampaikan Suhaili Fadhil Thohir, Ketua DPD I Partai Golkar NTB yang "
            "menyatakan",
            [],
        ),
        # the state's bodies and countries stay offices
        ("Presiden AS Donald Trump mengatakan hal itu.", [("Donald Trump", "Presiden AS")]),
        (
            "Sekjen KPAI Rita Pranawati mengatakan hal itu.",
            [("Rita Pranawati", "Sekjen KPAI")],
        ),
        (
            "Sekjen DPR Indra Iskandar mengatakan hal itu.",
            [("Indra Iskandar", "Sekretaris Jenderal DPR")],
        ),
        (
            "Kepala BPBD Sumsel Iriansyah menegaskan hal itu.",
            [("Iriansyah", "Kepala BPBD Sumatera Selatan")],
        ),
    ],
)
def test_association_posts_give_no_official(text, expected):
    assert [(o.name, o.role) for o in find_officials([text])] == expected


def test_association_acronyms_by_the_glossary():
    assert names_association("API")  # Asosiasi Pertekstilan Indonesia
    assert names_association("PBNU")  # Pengurus Besar Nahdlatul Ulama
    assert not names_association("KPAI")  # Komisi Perlindungan Anak Indonesia
    assert not names_association("INAMPA")  # unknown to the glossary


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Presiden INAMPA", True),
        ("Sekjen IMLOW", True),
        ("Sekjen PBNU", True),
        ("Presiden RRT", False),
        ("Sekjen DPR", False),
        ("Sekretaris Jenderal NATO", False),
        ("Presiden Liberia", False),
    ],
)
def test_association_post(role, expected):
    assert association_post(role, frozenset({"sby"})) is expected
    assert association_post("Presiden SBY", frozenset({"sby"})) is False

"""Whether capitalised words name a person (search.ingest.extract.person_names): places of
place_names.txt are not people, names that are also district words are."""

from __future__ import annotations

import pytest

from search.ingest.extract.person_names import looks_like_person, place_name_kind


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Teluk Bintuni", "region"),  # a regency
        ("Kuburaya", "region"),  # Kubu Raya without its space
        ("Kalianget", "local"),  # a district
        ("Lanny Jaya", "region"),
        ("Solomon Islands", "foreign"),  # a country as English news writes it
        ("New Hampshire", "foreign"),  # a US state
        ("Bambang", ""),  # a district, but a given name first
        ("Bambang Soesatyo", ""),
        ("Petrus Kasihiw", ""),
    ],
)
def test_place_name_kind(words, kind):
    assert place_name_kind(words.split()) == kind


@pytest.mark.parametrize(
    ("words", "person"),
    [
        ("Teluk Bintuni", False),
        ("Kalianget", False),
        ("Subulussalam", False),
        ("Way Kanan", False),
        ("Nainggolan", True),  # a district, and a Batak surname
        ("Guntur Laupe", True),
        ("Supriyanto", True),
        ("Solomon Islands", False),
        ("New Hampshire", False),
        ("Chad Wolf", True),  # a country opens a person's name
    ],
)
def test_a_place_is_no_person(words, person):
    assert looks_like_person(words.split()) is person


@pytest.mark.parametrize(
    ("words", "person"),
    [
        # given names and surnames that are dictionary words the corpus writes capitalised
        ("Taufik Hidayat", True),
        ("Teguh Hidayat", True),
        ("Agus Surya Bakti", True),
        # dictionary words that name a portfolio or a thing
        ("Lingkungan Hidup", False),
        ("Pelayanan Publik", False),
        ("Tanah Abang", False),
    ],
)
def test_a_name_of_name_words_that_are_also_dictionary_words(words, person):
    assert looks_like_person(words.split()) is person

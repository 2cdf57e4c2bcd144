"""search/text/case.py: the words of the mined capitalised list an article writes with a
capital letter inside a sentence (a name: Novel Baswedan, the city of Palu), not at a
sentence's or a line's start and not in all capitals, read from corpus lines."""

from __future__ import annotations

import pytest

from search.text.case import written_capitalised


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Massa juga meminta agar penyidik KPK Novel Baswedan dipecat.", ["novel"]),
        ("Gempa tersebut dirasakan di Palu dan Sigli dengan status III MMI.", ["palu"]),
        ("hingga ketok palu hanya butuh waktu tiga hari.", []),
        ("hanya ada di film atau novel fiksi saja, nyatanya tidak demikian.", []),
        # At a sentence's or a line's start: capitalised whatever it means.
        ("Rapat itu usai.\nPalu pun diketok beberapa kali diiringi tepuk tangan.", []),
        ("Buku itu laris. Novel horor berjudul sama ini ditulis pada tahun 1983.", []),
        # Quoted, after a comma: still inside the sentence.
        ('Ia menyebut, "Novel diserang dua orang," katanya.', ["novel"]),
        # Blanks: several after a full stop still start a sentence, a text's own first
        # word is its first sentence's, and a no-break space is a blank inside a line.
        ("Rapat itu usai.  Palu pun diketok beberapa kali.", []),
        (" Palu pun diketok beberapa kali.", []),
        ("Gempa dirasakan di\u00a0 Palu dan sekitarnya.", ["palu"]),
        # All capitals: a shout or an acronym, not a name's case.
        ("Warga kota PALU berkumpul di lapangan.", []),
        (
            "Bantuan dikirim ke Palu dan Kota Malang, dan novel itu terbit.",
            ["kota", "malang", "palu"],
        ),
    ],
)
def test_the_words_written_capitalised_inside_a_sentence(body, found):
    assert written_capitalised(body) == found

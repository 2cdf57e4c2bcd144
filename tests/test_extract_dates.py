"""Dates in the shapes Indonesian news writes them; precision kept, never invented."""

from __future__ import annotations

import pytest

from search.extract.dates import find_date, full_date_in


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Selasa, 10 September 2019 14:30 WIB", "2019-09-10"),
        ("10/09/2019, 14:30 WIB", "2019-09-10"),
        ("Jum`at, 01 April 2022 15:00 WIB", "2022-04-01"),
        ("Jum'at, 01 April 2022", "2022-04-01"),
        ("Kompas.com - 28/09/2022, 17:31 WIB", "2022-09-28"),
        ("kata Hudori, Senin (15/3/2021).", "2021-03-15"),
        ("10 Sep 2019", "2019-09-10"),
        ("28 Sept 2022", "2022-09-28"),
        ("31 Februari 2022", None),
        ("Nomor 5 Tahun 2014", None),
        ("pada 2024", None),
    ],
)
def test_full_date_in_line(line, iso):
    date = full_date_in(line)
    assert (date.iso() if date else None) == iso


@pytest.mark.parametrize(
    ("header", "first", "footer", "iso", "precision"),
    [
        # The dateline under the title wins over dates the story mentions.
        (["Jum`at, 01 April 2022 15:00 WIB"], "Kamis (31/3/2022) ...", [], "2022-04-01", "day"),
        ([], "JAKARTA. Hudori membuka pelatihan, Senin (15/3/2021).", [], "2021-03-15", "day"),
        (
            [],
            "Jakarta (ANTARA) - Wiyagus berkata, Jumat.",
            ["Copyright © ANTARA 2025"],
            "2025",
            "year",
        ),
        (["Diperbarui April 2022"], "Tanpa tanggal.", [], "2022-04", "month"),
        ([], "Tanpa tanggal pada 2024.", [], None, "none"),
    ],
)
def test_find_date_prefers_the_dateline(header, first, footer, iso, precision):
    evidence = find_date(header, first, footer)
    assert (evidence.date.iso() if evidence else None) == iso
    assert (evidence.date.precision if evidence else "none") == precision

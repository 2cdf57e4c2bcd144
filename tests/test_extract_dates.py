"""Dates in the shapes Indonesian news writes them; precision kept, never invented."""

from __future__ import annotations

import pytest

from search.ingest.extract.dates import (
    find_date,
    full_date_in,
    full_dates_in,
    parse_iso_date,
    reported_date_in,
)


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
        # Blogger's date header (in Indonesian and English), a machine-readable date.
        ("Agustus 28, 2019", "2019-08-28"),
        ("Sunday, September 1, 2019", "2019-09-01"),
        ("datePublished 2019-09-12T10:15:00+07:00", "2019-09-12"),
        ("Jum'at 13 September 2019 23:15 WIB", "2019-09-13"),
        ("Rabu, 11 September 2019 - 18:03 WIB", "2019-09-11"),
        ("12 Sep 2019 | 10:15", "2019-09-12"),
        # Two digits of the year, only on a date line: before a time or at the line's end.
        ("20 Sep 19 | 18:50", "2019-09-20"),
        ("Jumat, 20 Sep 19", "2019-09-20"),
        ("korban pada 20 Mei 19 orang", None),
        ("Minggu 5 Mei 19.00 WIB", None),
    ],
)
def test_full_date_in_line(line, iso):
    date = full_date_in(line)
    assert (date.iso() if date else None) == iso


def test_full_dates_in_a_text_are_read_around_its_years():
    text = (
        "IHSG pada perdagangan Jumat ini diperkirakan menguat, ujar Nafan di Jakarta, Jumat "
        "(20/9/2019). Kontrak ditandatangani Selasa, 10 September 2019 14:30 WIB. Nomor 5 Tahun "
        "2014 tidak berubah sejak 31 Februari 2022 maupun Rabu (18/9)."
    )
    assert sorted(d.iso() for d in full_dates_in(text)) == ["2019-09-10", "2019-09-20"]


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
        # A page's update line counts only when it has no other date line.
        (
            ["Diperbarui 02 Sep 2019, 08:15 WIB", "01 Sep 2019, 23:06 WIB"],
            "Teks.",
            [],
            "2019-09-01",
            "day",
        ),
        (["Diperbarui 02 Sep 2019, 08:15 WIB"], "Teks.", [], "2019-09-02", "day"),
        # A copyright's year range gives its last year.
        ([], "Teks.", ["Copyright 2008 - 2019 PT. Kompas Cyber Media"], "2019", "year"),
        ([], "Teks.", ["Copyright © 2008-2019 Okezone.com"], "2019", "year"),
    ],
)
def test_find_date_prefers_the_dateline(header, first, footer, iso, precision):
    evidence = find_date(header, first, footer)
    assert (evidence.date.iso() if evidence else None) == iso
    assert (evidence.date.precision if evidence else "none") == precision


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        # Every shape Indonesian news writes a day in, with the raw line.
        ("Selasa (10/9/2019)", "2019-09-10"),
        ("Senin (15/3/21)", "2021-03-15"),
        ("Rabu (17/07/2019) pagi", "2019-07-17"),
        ("pagi ini (18/9/2019) diisi oleh", "2019-09-18"),
        ("Kamis, 19 September 2019 pukul 16.33 WIB", "2019-09-19"),
        ("Minggu 15 September 2019", "2019-09-15"),
        ("Ahad, 22 September 2019", "2019-09-22"),
        ("Jumat, 13 Sep. 2019", "2019-09-13"),
        ("10-09-2019 14:30", "2019-09-10"),
        ("10.09.2019", "2019-09-10"),
        ("1 Agt 2019", "2019-08-01"),
        ("5 Okt 2019", "2019-10-05"),
        ("3 Nop 2019", "2019-11-03"),
        ("12 Des 2018", "2018-12-12"),
        # A weekday that contradicts the date makes it unreliable: 10 September 2019 was a Tuesday.
        ("Senin (10/9/2019)", None),
        ("Rabu, 10 September 2019", None),
        ("00/09/2019", None),
        ("12/13/2019", None),
        ("Senin (16/9) lalu", None),
    ],
)
def test_full_date_shapes(line, iso):
    date = full_date_in(line)
    assert (date.iso() if date else None) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("kata Hudori, Senin (15/3/2021).", "2021-03-15"),
        ("akan diluncurkan lusa, Kamis (12/9/2019).", None),
        ("Liga 1 dimulai Rabu (11/9/2019) mendatang.", None),
        ("tayang perdana Kamis (19/9/2019) esok.", None),
        ("berlaku sejak 1 Mei 2019 di seluruh daerah", None),
        ("mulai Kamis, 1 Agustus 2019 BPJS menonaktifkan", None),
        ("digelar pada 7-8 September 2019 di Jakarta", None),
        ("lahir di Jakarta, 23 Juni 1987.", None),
        ("yang meninggal pada Senin (9/9/2019) lalu", None),
        ("Kemarin, Selasa (10/9/2019), tiga asteroid", None),  # yesterday: a day before
    ],
)
def test_reported_date_skips_dates_the_story_mentions(line, iso):
    date = reported_date_in(line)
    assert (date.iso() if date else None) == iso


def test_quote_attribution_dates_the_report_not_the_event():
    lede = [
        "Polisi menangkap tiga provokator bentrokan di Tanah Abang, Jumat (25/10/2019) petang.",
        '"Betul sudah ditangkap," ujar Kasat Reskrim Polres Metro Jakarta Pusat, Sabtu (26/10/2019).',
    ]
    evidence = find_date([], lede, [])
    assert evidence.date.iso() == "2019-10-26"
    assert evidence.rule == "quote in the lede" and evidence.line == lede[1]


def test_dates_deep_in_the_story_are_not_publication_dates():
    body = [
        "Pemerintah daerah menyiapkan program baru untuk pelayanan publik.",
        "Program itu dibahas oleh para pejabat daerah.",
        "Anggaran disiapkan dari APBD.",
        "Peluncuran dijadwalkan Senin (16/9/2019) di balai kota.",
    ]
    assert find_date([], body, []) is None


def test_header_dateline_beats_the_lede_and_footer():
    evidence = find_date(
        ["Selasa, 10 September 2019 14:30 WIB"],
        ["kata dia, Senin (9/9/2019)."],
        ["Copyright © 2019 Kompas.com, 11/09/2019"],
    )
    assert (evidence.date.iso(), evidence.rule) == ("2019-09-10", "header dateline")


def test_footer_full_date_beats_year_only_evidence():
    evidence = find_date([], ["Tanpa tanggal di sini."], ["Diperbarui 28/09/2022", "© 2022"])
    assert (evidence.date.iso(), evidence.rule) == ("2022-09-28", "footer")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019", "2019"),
        ("2019-09", "2019-09"),
        ("2019-09-10", "2019-09-10"),
        ("2019-09-10T14:30:00+07:00", "2019-09-10"),
        ("2019-09-10 14:30", "2019-09-10"),
        ("2019-13", None),
        ("2019-02-30", None),
        ("10/9/2019", None),
        ("", None),
        ("kemarin", None),
    ],
)
def test_parse_iso_date(value, iso):
    date = parse_iso_date(value)
    assert (date.iso() if date else None) == iso

"""Publishers from datelines, wire credits, site footers and URLs, as a domain."""

from __future__ import annotations

import pytest

from search.ingest.extract.sources import brand_in, find_source, source_from_url


@pytest.mark.parametrize(
    ("header", "opening", "footer", "url", "source", "rule"),
    [
        ([], "KOMPAS.com - Kementerian Dalam Negeri mendorong", [], None, "kompas.com", "dateline"),
        ([], "DIALEKSIS.COM | Jakarta - Sekjen Kemendagri", [], None, "dialeksis.com", "dateline"),
        ([], "TEMPO.CO, Jakarta - Presiden RI ke-6", [], None, "tempo.co", "dateline"),
        ([], "Liputan6.com, Jakarta - Wakil Sekjen DPP", [], None, "liputan6.com", "dateline"),
        ([], "JAKARTA, KOMPAS.com - Gubernur Jawa Tengah", [], None, "kompas.com", "dateline"),
        (
            ["Kompas.com - 28/09/2022, 17:31 WIB"],
            "Kementerian ...",
            [],
            None,
            "kompas.com",
            "dateline",
        ),
        ([], "JAKARTA, KEMENDAGRI — Wamendagri", [], None, "kemendagri.go.id", "dateline"),
        # A wire credit names the wire, used when nothing names the publisher.
        ([], "Jakarta (ANTARA) - Wakil Menteri", [], None, "antaranews.com", "wire credit"),
        (
            [],
            "Jakarta (ANTARA) - Wakil Menteri",
            ["Copyright © Kompas 2025"],
            None,
            "kompas.com",
            "copyright footer",
        ),
        (
            [],
            "Teks tanpa dateline.",
            ["Copyright © ANTARA 2025"],
            None,
            "antaranews.com",
            "copyright footer",
        ),
        # A copied story's credit, when nothing names the page's publisher (a blog's repost).
        (
            [],
            "PELALAWAN - Tiga Pelaku Pembalakan Hutan di Sorek",
            ["Sumber: sindonews.com", "Posted by Admin Riau at 12:35 PM"],
            None,
            "sindonews.com",
            "credited source",
        ),
        (
            [],
            "Liputan6.com, Jakarta - Eksis sebagai model",
            ["Sumber: JawaPos.com"],
            None,
            "liputan6.com",
            "dateline",
        ),
        ([], "Teks.", ["Sumber: keterangan polisi setempat"], None, None, None),
        # The URL is the best evidence of all.
        ([], "KOMPAS.com - ...", [], "https://www.tempo.co/read/1", "tempo.co", "url"),
        ([], "Teks.", [], None, None, None),
        ([], "Jakarta - Tim tenis putra Indonesia", [], None, None, None),
    ],
)
def test_find_source(header, opening, footer, url, source, rule):
    evidence = find_source(header, [opening], footer, url)
    assert (evidence.source if evidence else None) == source
    assert (evidence.rule if evidence else None) == rule


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://regional.kompas.com/read/2019/09/10/x", "kompas.com"),
        ("https://www.kemendagri.go.id/berita/baca/1", "kemendagri.go.id"),
        ("http://news.detik.com/berita/d-1", "detik.com"),
        ("https://republika.co.id/berita/x", "republika.co.id"),
        ("https://kabartimika.blogspot.com/2019/09/x.html", "kabartimika.blogspot.com"),
        ("not a url", None),
        (None, None),
    ],
)
def test_source_from_url(url, domain):
    assert source_from_url(url) == domain


@pytest.mark.parametrize(
    ("header", "opening", "footer", "source", "rule"),
    [
        # A regional site is named by its own domain; a network's brands are the publisher's.
        ([], "TRIBUNJABAR.ID, BANDUNG - Persib Bandung", [], "tribunjabar.id", "dateline"),
        ([], "TRIBUN-MEDAN.COM, MEDAN - Wali Kota", [], "tribun-medan.com", "dateline"),
        ([], "Merdeka.com - Subdit Narkoba Polres Bogor", [], "merdeka.com", "dateline"),
        ([], "Sindonews.com - Dua klub Jawa Timur", [], "sindonews.com", "dateline"),
        (
            ["Laporan Wartawan Tribun Jabar, Muhamad Syarif"],
            "BANDUNG - Wali Kota",
            [],
            "tribunjabar.id",
            "byline",
        ),
        # A brand line or the site name an HTML title ends with.
        (
            ["Okezone", "News"],
            "JAKARTA - Polisi",
            [],
            "okezone.com",
            "site name in the page header",
        ),
        (
            ["Mercy Raya - detikSport"],
            "Jakarta - Menpora",
            [],
            "detik.com",
            "site name in the page header",
        ),
        (
            ["www.posmetro-medan.com"],
            "Pengurus",
            [],
            "posmetro-medan.com",
            "site name in the page header",
        ),
        (
            ["Jokowi Akan Bertemu Tokoh Papua di Istana Hari Ini - Tribun Jateng"],
            "JAKARTA - Presiden",
            [],
            "tribunjateng.com",
            "site name in the HTML title",
        ),
        (
            ["POSMETRO MEDAN: Diserbu dan Dikepung Ribuan KKSB"],
            "Kelompok Kriminal",
            [],
            "posmetro-medan.com",
            "site name in the HTML title",
        ),
        # A copyright with a year range and a company name; a footer brand line.
        (
            [],
            "JAKARTA - Habil",
            ["Copyright 2008 - 2019 PT. Kompas Cyber Media (Kompas Gramedia Digital Group)."],
            "kompas.com",
            "copyright footer",
        ),
        ([], "Reuni", ["#GrowFearless with FIMELA"], "fimela.com", "site name in the page footer"),
        # A blog on a hosting service is its own site.
        (
            [],
            "Laga",
            ["© 2019 kabartimika.blogspot.com"],
            "kabartimika.blogspot.com",
            "copyright footer",
        ),
        (
            ["https://bolahariini99.blogspot.com/2019/09/ac-milan.html"],
            "Laga",
            [],
            "bolahariini99.blogspot.com",
            "site name in the page header",
        ),
        # A credit names the publisher copied from, not the page's own: the story's source only
        # when nothing names the page's publisher.
        ([], "Wakil Menkeu", ["Sumber: Okezone"], "okezone.com", "credited source"),
        # an English theme's credit
        ([], "Wakil Menkeu", ["Source: Okezone.com"], "okezone.com", "credited source"),
        (
            [],
            "Wakil Menkeu",
            ["Sumber: Okezone", "Copyright © 2019 Tribunnews.com"],
            "tribunnews.com",
            "copyright footer",
        ),
        ([], "Anak angkat", ["Artikel ini telah tayang di Kompas.com dengan judul X"], None, None),
        # "detik" alone is a word (a second), not the publisher.
        (["30 detik"], "Gol cepat", [], None, None),
    ],
)
def test_find_source_in_publisher_chrome(header, opening, footer, source, rule):
    evidence = find_source(header, [opening], footer)
    assert (evidence.source if evidence else None) == source
    assert (evidence.rule if evidence else None) == rule


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ruang Bisnis Nusantara", None),  # a blog's name holding the common word
        ("RUANG BISNIS NUSANTARA", None),
        ("Bisnis", "bisnis.com"),
        ("Bisnis.com", "bisnis.com"),
        ("Bisnis Indonesia", "bisnis.com"),  # the paper's name
    ],
)
def test_a_brand_that_is_a_common_word_names_its_site_alone(text, source):
    assert brand_in(text) == source

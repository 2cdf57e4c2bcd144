"""Officials named as '<role> <name>', with roles as written and aliases merged."""

from __future__ import annotations

import pytest

from search.extract.officials import find_officials


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sekretaris Jenderal (Sekjen) Kementerian Dalam Negeri (Kemendagri) Suhajar Diantoro mendorong",
            [("Suhajar Diantoro", "Sekjen Kemendagri")],
        ),
        (
            "Wakil Menteri Dalam Negeri (Wamendagri), Dr. John R. Wetipo, menegaskan bahwa ASN",
            [("John R. Wetipo", "Wamendagri")],
        ),
        (
            "Itu yang mau diminta oleh Presiden Joko Widodo (Jokowi). Sesuai arahan Presiden Jokowi,",
            [("Joko Widodo", "Presiden")],
        ),
        (
            "Menteri Dalam Negeri (Mendagri) Tito Karnavian berpesan. Mendagri Tito menambahkan",
            [("Tito Karnavian", "Mendagri")],
        ),
        (
            "Menteri Keuangan Sri Mulyani mengatakan",
            [("Sri Mulyani Indrawati", "Menteri Keuangan")],
        ),
        (
            "Sekjen Kemendagri Suhajar Diantoro menambahkan",
            [("Suhajar Diantoro", "Sekjen Kemendagri")],
        ),
        ("Bapak Presiden menjelaskan kepada kita", []),
        ("penelitian yang dilakukan oleh Mark Turner dan David Hulme", []),
        ("dicanangkan oleh gubernur dan bupati", []),
        ("Hal itu disampaikan Wamendagri dalam rapat koordinasi", []),
        # Portfolios joined by "dan", with the short form the text introduces.
        (
            "Menteri Pemuda dan Olahraga (Menpora) Imam Nahrawi mengundurkan diri",
            [("Imam Nahrawi", "Menpora")],
        ),
        # "<role>, <name>": the name follows the comma.
        (
            "kata Kepala Dinas Kehutanan Sumbar, Yozarwardi Usama Putra, saat dihubungi",
            [("Yozarwardi Usama Putra", "Kepala Dinas Kehutanan Sumbar")],
        ),
        (
            "kata Kapolsek Jagakarsa, Komisaris Harsono, Selasa.",
            [("Harsono", "Kapolsek Jagakarsa")],
        ),
        # A district head names an unlisted district first.
        (
            "Camat Ciranjang Kuslin Burhadi mengatakan",
            [("Kuslin Burhadi", "Camat Ciranjang")],
        ),
        # Ranks are not part of the name.
        (
            "Kapolda Jateng Irjen Pol Rycko Amelza Dahniel meninjau",
            [("Rycko Amelza Dahniel", "Kapolda Jateng")],
        ),
        (
            "Wakil Ketua KPK Laode M Syarif menyebut",
            [("Laode M Syarif", "Wakil Ketua KPK")],
        ),
        # An agency introduced with its acronym.
        (
            "Sekjen Transparency International Indonesia (TII) Dadang Trisasongko menilai",
            [("Dadang Trisasongko", "Sekjen TII")],
        ),
        # Foreign officials, with the country in the role.
        ("Presiden AS Donald Trump mengatakan", [("Donald Trump", "Presiden AS")]),
        # Aliases merge; a lone surname after the full name is the same person.
        (
            "Gubernur DKI Jakarta Anies Baswedan hadir. Menurut Anies, dan Baswedan menambahkan",
            [("Anies Baswedan", "Gubernur DKI Jakarta")],
        ),
        ("Presiden Jokowi dan Joko Widodo", [("Joko Widodo", "Presiden")]),
        # An alias inside another person's name is not the gazetteer's official.
        (
            "Wakil Gubernur Jawa Timur Emil Dardak membuka acara",
            [("Emil Elestianto Dardak", "Wakil Gubernur Jawa Timur")],
        ),
        ("Sekjen Kemendagri Hadi Prabowo menghadiri", [("Hadi Prabowo", "Sekjen Kemendagri")]),
        # Portfolio and agency words are not names.
        ("Dirjen Pajak mengatakan", []),
        ("Menteri Pekerjaan Umum dan Perumahan Rakyat menyebut", []),
        # Party and company posts are not public office; a DPR faction is.
        ("Sekjen Partai Demokrat Hinca Pandjaitan menilai", []),
        (
            "Ketua Fraksi Partai Demokrat Edhie Baskoro Yudhoyono berkata",
            [("Edhie Baskoro Yudhoyono", "Ketua Fraksi Partai Demokrat")],
        ),
        # A short form of the agency's own words, after the head.
        (
            "kata Kepala Dinas Pemuda dan Olahraga (Dispora) Kota Bekasi, Ahmad Zarkasih melalui",
            [("Ahmad Zarkasih", "Kepala Dispora Kota Bekasi")],
        ),
        (
            "ucap Duta Besar RI untuk Republik Suriname Julang Pujianto lewat keterangannya",
            [("Julang Pujianto", "Duta Besar RI untuk Republik Suriname")],
        ),
        # "UU" (a statute) is not the alias "Uu".
        ("revisi UU KPK disahkan", []),
    ],
)
def test_find_officials(text, expected):
    assert [(o.name, o.role) for o in find_officials([text])] == expected

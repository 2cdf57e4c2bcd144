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
    ],
)
def test_find_officials(text, expected):
    assert [(o.name, o.role) for o in find_officials([text])] == expected

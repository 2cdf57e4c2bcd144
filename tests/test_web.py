"""Every route through Flask's test client; bad parameters are 400s, never 500s."""

from __future__ import annotations

import re

import pytest

from web import create_app


def test_search_page_marks_stemmed_matches(client):
    page = client.get("/?q=dilayani").get_data(as_text=True)
    ids = re.findall(r'href="/articles/([^"?]+)', page)
    assert ids[0] == "002_4786081c4393efc4" and len(ids) == 5
    marked = {m.lower() for m in re.findall(r"<mark>(.*?)</mark>", page)}
    assert {"pelayanan", "melayani", "dilayani", "layanan"} & marked >= {
        "pelayanan",
        "melayani",
        "dilayani",
    }


def test_official_filter_and_facet_links(client):
    page = client.get("/?q=birokrasi&official=Tito+Karnavian").get_data(as_text=True)
    assert re.findall(r'href="/articles/([^"?]+)', page) == ["004_9d790e0e9df54a94"]
    assert 'aria-pressed="true" data-official="Tito Karnavian"' in page


def test_date_filter(client):
    page = client.get("/?q=birokrasi&from=2022-01-01&to=2022-12-31").get_data(as_text=True)
    assert sorted(re.findall(r'href="/articles/([^"?]+)', page)) == [
        "001_c392d4d57c4d2ec5",
        "004_9d790e0e9df54a94",
    ]


def test_article_page_marks_the_query(client):
    page = client.get("/articles/002_4786081c4393efc4?q=dilayani").get_data(as_text=True)
    assert "<mark>dilayani</mark>" in page and "John R. Wetipo" in page


def test_api_search_and_article(client):
    data = client.get("/api/search?q=dilayani").get_json()
    assert data["total"] == 5 and data["hits"][0]["id"] == "002_4786081c4393efc4"
    article = client.get("/api/articles/003_c37476abf8d7220f").get_json()
    assert article["date"] == "2021-03-15" and article["officials"][0]["name"] == "Muhammad Hudori"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/?q=x&from=kemarin", 400),
        ("/?q=x&to=2022-02-30", 400),
        ("/?q=x&official=Nobody", 400),
        ("/?q=x&page=0", 400),
        ("/?q=x&page=1000000000", 400),
        ("/?q=x&page=abc", 400),
        ("/?q=x&sort=random", 400),
        ("/?q=" + "birokrasi " * 1000, 200),
        ("/articles/unknown-id", 404),
        ("/articles/..%2F..%2Fetc%2Fpasswd", 404),
        ("/api/search?q=x&from=bad", 400),
        ("/api/search?page=0", 400),
        ("/api/articles/unknown-id", 404),
    ],
)
def test_bad_parameters_get_clear_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert response.get_json()["error"]


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_documents_and_queries_are_escaped(xss_index):
    client = create_app({"INDEX_DIR": str(xss_index)}).test_client()
    hostile_query = client.get('/?q=pelayanan+"><script>alert(3)</script>').get_data(as_text=True)
    assert "<script>alert" not in hostile_query and "&lt;script&gt;alert(3)" in hostile_query
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    article = client.get("/articles/900_xss?q=pelayanan").get_data(as_text=True)
    assert "<script>alert" not in article and "&lt;script&gt;" in article


def test_missing_index_is_a_clear_503(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path)}).test_client()
    response = client.get("/?q=x")
    assert response.status_code == 503 and "cari build" in response.get_data(as_text=True)

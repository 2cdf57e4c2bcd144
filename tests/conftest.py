"""Shared fixtures: a small index built once from the real seeds, and the Flask app over it."""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.indexing.build import build
from search.ingest.seeds import list_seeds, read_articles
from search.model import Article
from search.retrieval.engine import SearchEngine
from tests.corpus import CORPUS, records, records_with_ids
from web import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))


def corpus_records(limit: int) -> list[dict]:
    """The first `limit` records of the shared corpus (the test fails when it is missing)."""
    if not CORPUS.exists():
        pytest.fail(f"the shared corpus is missing: {CORPUS}")
    return list(records(limit))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (for a `cari serve` under test)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed_articles() -> list[Article]:
    """The articles of the five seeds."""
    return [a for a in read_articles(list_seeds(SEEDS_DIR)) if isinstance(a, Article)]


XSS_SEED = """Pejabat <script>alert(1)</script> Bicara Soal Pelayanan Publik

JAKARTA, KOMPAS.com - Gubernur Jawa Tengah Ganjar Pranowo menyebut <script>alert(1)</script> dan "><img src=x onerror=alert(2)> bukan bagian dari pelayanan publik yang baik di daerah, Senin (10/9/2019).

Ia meminta agar semua pelayanan publik dilayani dengan cepat dan tanpa pungutan liar oleh aparatur.
"""


@pytest.fixture(scope="session")
def seeds_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five real seeds plus one hostile article, in a temporary folder."""
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "900_xss.txt").write_text(XSS_SEED, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of exactly the five real seeds, built once per test run."""
    index_dir = tmp_path_factory.mktemp("index")
    report = build(SEEDS_DIR, index_dir)
    assert report.indexed == len(SEED_IDS) and not report.problems
    return index_dir


@pytest.fixture(scope="session")
def xss_index(tmp_path_factory: pytest.TempPathFactory, seeds_copy: Path) -> Path:
    index_dir = tmp_path_factory.mktemp("xss-index")
    build(seeds_copy, index_dir)
    return index_dir


@pytest.fixture(scope="session")
def engine(seed_index: Path) -> SearchEngine:
    return SearchEngine(seed_index)


# The first CORPUS_SLICE corpus articles, and these (the subjects of ranking checks).
CORPUS_SLICE = 3000
CORPUS_EXTRA_IDS = {"clickid-96687247de06fd55"}  # Anies ... Antisipasi Banjir Jakarta


@pytest.fixture(scope="session")
def corpus_slice() -> list[Article]:
    """Real corpus articles: the first CORPUS_SLICE and CORPUS_EXTRA_IDS."""
    from tests.corpus import article_from_record, records_with_ids

    chosen = corpus_records(CORPUS_SLICE)
    extra = records_with_ids(CORPUS_EXTRA_IDS - {r["id"] for r in chosen})
    return [article_from_record(r) for r in [*chosen, *extra.values()]]


@pytest.fixture(scope="session")
def corpus_engine(tmp_path_factory: pytest.TempPathFactory, corpus_slice) -> SearchEngine:
    """A search engine over an index of `corpus_slice`, built once per test run."""
    from search.indexing.build import build_articles

    index_dir = tmp_path_factory.mktemp("corpus-index")
    build_articles(corpus_slice, index_dir)
    return SearchEngine(index_dir)


@pytest.fixture()
def app(seed_index: Path):
    return create_app({"INDEX_DIR": str(seed_index), "TESTING": True})


@pytest.fixture()
def client(app):
    """A reader of the English pages (the `lang` cookie): the tests read English messages.
    The pages' own default, Indonesian, is tested in tests/test_i18n.py."""
    client = app.test_client()
    client.set_cookie("lang", "en")
    return client


@pytest.fixture()
def runner() -> CliRunner:
    """The CLI as an English-speaking user runs it (CARI_LANG=en): its own default is
    Indonesian (tests/test_i18n.py)."""
    return CliRunner(env={"CARI_LANG": "en"})


# Real corpus articles that are copies, and some that are not (see tests/test_copies.py).
PUPUK = ("clickid-46a8e83c2953a7d9", "clickid-676146b6ef0a517b")  # okezone, sindonews
KUDUS = ("clickid-6725b64293f20b6b", "clickid-0635f25e5fce05b1", "clickid-1e90f2efcf4b5c41")
GOLD = ("clickid-0dff75bc2d6c5765", "clickid-e02b067944637f2a")  # tempo, two days' reports
OTHER = ("clickid-d1f54c9d5cbac915",)
COPY_TEST_IDS = (*PUPUK, *KUDUS, *GOLD, *OTHER)


def copy_test_records() -> dict[str, dict]:
    """The corpus records of COPY_TEST_IDS, by id."""
    if not CORPUS.exists():
        pytest.fail(f"the shared corpus is missing: {CORPUS}")
    found = records_with_ids(set(COPY_TEST_IDS))
    assert set(found) == set(COPY_TEST_IDS)
    return found


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


@pytest.fixture(scope="session")
def copies_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of corpus articles among which some are copies of one story."""
    seeds = tmp_path_factory.mktemp("copies-seeds")
    write_jsonl(seeds / "corpus.jsonl", list(copy_test_records().values()))
    index_dir = tmp_path_factory.mktemp("copies-index")
    build(seeds, index_dir)
    return index_dir


def http_get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    """One GET to a `cari serve` under test: the status and the body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture
def server(seed_index: Path, request: pytest.FixtureRequest):
    """`cari serve` over the seed index with `request.param` processes: (process, port,
    processes)."""
    processes = request.param
    port = free_port()
    cari = Path(sys.executable).parent / "cari"
    proc = subprocess.Popen(
        [
            str(cari),
            "serve",
            "--index",
            str(seed_index),
            "--port",
            str(port),
            "--processes",
            str(processes),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            http_get(port, "/")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"cari serve did not start: {proc.stdout.read().decode()}")
            time.sleep(0.1)
    yield proc, port, processes
    if proc.poll() is None:
        proc.kill()
        proc.wait()

"""Shared fixtures: a small index built once from the real seeds, and the Flask app over it."""

from __future__ import annotations

import http.client
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.config import EngineSettings
from search.indexing import indexers
from search.indexing.build import build
from search.ingest.seeds import list_seeds, read_articles
from search.model import Article
from search.retrieval.engine import SearchEngine
from search.retrieval.engines import Engine, open_engine
from tests.corpus import CORPUS, records, records_with_ids
from tests.opensearch_cluster import SKIP_ENV, ClusterUnderTest, running_cluster
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


def built_seed_copy(folder: Path) -> tuple[Path, Path]:
    """The five real seeds copied to `folder`/seeds (for a test to change) and their index
    built in `folder`/index."""
    seeds, index = folder / "seeds", folder / "index"
    shutil.copytree(SEEDS_DIR, seeds)
    build(seeds, index)
    return seeds, index


DAMAGES = ["truncated", "zeroed", "header"]


def damage_file(path: Path, damage: str) -> None:
    """Cut a file to half its length, overwrite it with zeros, or give a file of arrays
    (search.indexing.mapped) a header that reads as JSON but is not one (one of DAMAGES)."""
    data = path.read_bytes()
    if damage == "header":
        head = b'{"header": [], "arrays": {"x": ["|O8", 1, 0]}}'
        data = data[:8] + len(head).to_bytes(8, "little") + head + bytes(64)
    path.write_bytes(
        data[: len(data) // 2]
        if damage == "truncated"
        else data
        if damage == "header"
        else bytes(len(data))
    )


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


@pytest.fixture(scope="session")
def whoosh_engine(seed_index: Path) -> SearchEngine:
    """The embedded engine over the seeds, for tests of its own workings."""
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


# -- one contract suite, two engines -----------------------------------------------------------
# Behavioural tests take `contract_engine` (or `engine_kind` and `build_engine`) and run on the
# embedded index and on an OpenSearch cluster, started once per session.
ENGINES = ("whoosh", "opensearch")


@pytest.fixture(scope="session")
def opensearch_cluster(tmp_path_factory: pytest.TempPathFactory):
    """The 2-node test cluster (skipped only when CARI_SKIP_OPENSEARCH=1 is set; a cluster
    that does not start fails the tests with its log tail)."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: the OpenSearch tests are skipped")
    home = tmp_path_factory.mktemp("opensearch-home")
    try:
        with running_cluster(home) as cluster:
            yield cluster
    except RuntimeError as exc:
        if "did not start" in str(exc):
            pytest.fail(str(exc), pytrace=False)
        raise


_aliases = itertools.count(1)
# Every alias of this run ends in the run's own suffix: two runs on one cluster never write,
# lock or delete each other's indices.
RUN = uuid.uuid4().hex[:10]


def opensearch_settings(cluster: ClusterUnderTest, alias: str | None = None) -> EngineSettings:
    """Settings for a fresh alias on the test cluster (each test's index apart, and each
    run's)."""
    name = f"{alias or f'test-{next(_aliases)}'}-{RUN}"
    return EngineSettings(engine="opensearch", urls=cluster.urls, alias=name)


class EngineBuilder:
    """Builds, updates and opens one engine's index of a seed folder, for tests that need
    their own index; `index_dir` is the embedded index's folder (and saved queries' state)."""

    def __init__(self, kind: str, index_dir: Path, settings: EngineSettings) -> None:
        self.kind, self.index_dir, self.settings = kind, index_dir, settings

    def build(self, seeds_dir: Path, **options):
        return indexers.build(seeds_dir, self.index_dir, self.settings, **options)

    def build_articles(self, articles: list[Article], **options):
        if self.kind == "opensearch":
            from search.indexing.opensearch_index import build_articles

            return build_articles(self.settings, articles, **options)
        from search.indexing.build import build_articles

        return build_articles(articles, self.index_dir, **options)

    def update(self, seeds_dir: Path, **options):
        return indexers.update(seeds_dir, self.index_dir, self.settings, **options)

    def stamps(self) -> dict[str, float]:
        """Article id -> indexed_at, as stored in the live index."""
        if self.kind == "opensearch":
            from search.indexing.opensearch_index import connect, indexed_stamps

            found = indexed_stamps(connect(self.settings), self.settings.alias)
            return {k: t for k, (_, t) in found.items()}
        from search.indexing import store

        with store.require_live(self.index_dir).open().searcher() as s:
            return {f["id"]: f["indexed_at"] for f in s.all_stored_fields()}

    def engine(self, cache_size: int = 0) -> Engine:
        return open_engine(self.index_dir, self.settings, cache_size=cache_size)

    def cli_args(self) -> list[str]:
        """The CLI flags that choose this engine and index."""
        args = ["--index", str(self.index_dir)]
        if self.kind == "opensearch":
            args += ["--engine", "opensearch", "--opensearch-url", ",".join(self.settings.urls)]
        return args

    def cli_env(self) -> dict[str, str]:
        return {"CARI_OPENSEARCH_INDEX": self.settings.alias} if self.kind == "opensearch" else {}


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture()
def build_engine(engine_kind: str, request: pytest.FixtureRequest, tmp_path: Path):
    """An EngineBuilder for this test's own index on the engine of `engine_kind`."""
    settings = EngineSettings()
    if engine_kind == "opensearch":
        settings = opensearch_settings(request.getfixturevalue("opensearch_cluster"))
    builder = EngineBuilder(engine_kind, tmp_path / "index", settings)
    yield builder
    if engine_kind == "opensearch":
        from search.indexing.opensearch_index import connect, delete_all

        delete_all(connect(settings), settings.alias)


@pytest.fixture(scope="session")
def corpus_opensearch_engine(opensearch_cluster, corpus_engine, corpus_slice) -> Engine:
    """The OpenSearch engine over `corpus_slice` (beside `corpus_engine`, the embedded one)."""
    from search.indexing.opensearch_index import build_articles

    settings = opensearch_settings(opensearch_cluster, "corpus")
    report = build_articles(settings, corpus_slice)
    assert report.indexed == len(corpus_slice) and not report.problems
    return open_engine(corpus_engine.index_dir, settings, cache_size=0)


@pytest.fixture(scope="session", params=ENGINES)
def corpus_contract_engine(request: pytest.FixtureRequest, corpus_engine) -> Engine:
    """An engine over `corpus_slice`, on each engine in turn."""
    if request.param == "whoosh":
        return corpus_engine
    return request.getfixturevalue("corpus_opensearch_engine")


@pytest.fixture(scope="session")
def seed_opensearch_engine(opensearch_cluster, seed_index: Path) -> Engine:
    """The OpenSearch engine over exactly the five real seeds."""
    settings = opensearch_settings(opensearch_cluster, "seeds")
    report = indexers.build(SEEDS_DIR, seed_index, settings)
    assert report.indexed == len(SEED_IDS) and not report.problems
    return open_engine(seed_index, settings)


@pytest.fixture(scope="session", params=ENGINES)
def contract_engine(request: pytest.FixtureRequest, seed_index: Path) -> Engine:
    """An engine over exactly the five real seeds, on each engine in turn."""
    if request.param == "whoosh":
        return SearchEngine(seed_index)
    return request.getfixturevalue("seed_opensearch_engine")


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


def this_checkout_env() -> dict[str, str]:
    """The environment for a `cari` command run as a process: it imports this checkout's code
    (the console script alone imports the checkout the package was installed from)."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}


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
        env=this_checkout_env(),
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

"""OpenSearch under trouble: a node killed while 8 clients search, and a rebuild while they
search. No search may fail or see part of an index; no article may be lost."""

from __future__ import annotations

import threading
import time

import pytest

from search.indexing.opensearch_index import build_articles, connect, wait_green
from search.model import SearchRequest
from search.retrieval.engines import open_engine
from tests.conftest import corpus_records, opensearch_settings
from tests.corpus import article_from_record

CLIENTS = 8
QUERIES = ["", "korupsi", "banjir jakarta", '"ibu kota"', "presiden -jokowi", "pemberantas*"]


class Searchers:
    """CLIENTS threads searching the mix in a loop until stopped, each search's total kept
    per query, each failure kept whole."""

    def __init__(self, settings, tmp_path) -> None:
        self.engines = [open_engine(tmp_path, settings, cache_size=0) for _ in range(CLIENTS)]
        self.totals: dict[str, set[int]] = {q: set() for q in QUERIES}
        self.errors: list[str] = []
        self.searches = 0
        self.last_started: dict[str, float] = {}  # query -> start of its latest finished search
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._run, args=(e, n), daemon=True)
            for n, e in enumerate(self.engines)
        ]

    def _run(self, engine, n: int) -> None:
        i = n
        while not self._stop.is_set():
            query = QUERIES[i % len(QUERIES)]
            i += 1
            started = time.monotonic()
            try:
                total = engine.search(SearchRequest(query)).total
            except Exception as exc:  # every failure is the test's finding
                with self._lock:
                    self.errors.append(f"{query!r}: {type(exc).__name__}: {exc}")
                continue
            with self._lock:
                self.totals[query].add(total)
                self.searches += 1
                self.last_started[query] = max(started, self.last_started.get(query, 0.0))

    def wait_for_searches_started_after(self, moment: float, seconds: float = 120) -> None:
        """Until every query has finished a search that began after `moment` (a loaded
        machine's searches take seconds, so a fixed sleep may see none)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                if all(self.last_started.get(q, 0.0) > moment for q in QUERIES):
                    return
            time.sleep(0.1)
        raise AssertionError(f"not every query was searched again within {seconds} s")

    def __enter__(self) -> Searchers:
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=120)
        for e in self.engines:
            e.close()


def _articles(limit: int):
    return [article_from_record(r) for r in corpus_records(limit)]


@pytest.mark.corpus
def test_a_node_killed_while_8_clients_search_fails_no_search_and_loses_no_article(
    opensearch_cluster, tmp_path
):
    settings = opensearch_settings(opensearch_cluster)
    articles = _articles(400)
    report = build_articles(settings, articles)
    client = connect(settings)
    settings_body = client.indices.get_settings(index=settings.alias)
    index_settings = next(iter(settings_body.values()))["settings"]["index"]
    assert (index_settings["number_of_shards"], index_settings["number_of_replicas"]) == ("2", "1")
    expected = open_engine(tmp_path, settings).search(SearchRequest("")).total
    assert expected == report.indexed
    victim = 1
    with Searchers(settings, tmp_path) as searchers:
        time.sleep(2)
        before = searchers.searches

        time.sleep(8)  # searches go on with one node
        during = searchers.searches - before
        restarted = opensearch_cluster.run("start-node", str(victim), check=False)
        time.sleep(1)
    assert restarted.returncode == 0, restarted.stderr[-3000:] + opensearch_cluster.log_tail()
    assert searchers.errors == []
    assert during > 0, "no search ran while a node was down"
    assert searchers.totals[""] == {expected}, "a search saw part of the index"
    assert all(len(t) == 1 for t in searchers.totals.values()), searchers.totals
    health = wait_green(client, seconds=90)
    assert health["status"] == "green" and health["number_of_nodes"] == 2
    assert open_engine(tmp_path, settings).search(SearchRequest("")).total == expected


@pytest.mark.corpus
def test_a_rebuild_while_8_clients_search_shows_the_old_or_the_new_index(
    opensearch_cluster, tmp_path
):
    settings = opensearch_settings(opensearch_cluster)
    articles = _articles(600)
    old, new = articles[:300], articles
    build_articles(settings, old)
    client = connect(settings)
    first = sorted(client.indices.get_alias(name=settings.alias))
    with Searchers(settings, tmp_path) as searchers:
        time.sleep(1)
        build_articles(settings, new)
        searchers.wait_for_searches_started_after(time.monotonic())
    assert searchers.errors == []
    assert searchers.totals[""] == {len(old), len(new)}, searchers.totals[""]
    assert all(1 <= len(t) <= 2 for t in searchers.totals.values())
    now = sorted(client.indices.get_alias(name=settings.alias))
    assert now != first and not client.indices.exists(index=first[0])

"""Scale benchmark: Cari, tantivy and SQLite FTS5 on a generated archive of N distinct articles.

    python -m bench.perf.archive_scale --articles 1000000 [--rounds 3] [--keep DIR]
    make bench-scale N=1000000
    python -m bench.perf.archive_scale --articles N --keep DIR --queries-only   # queries again
    python -m bench.perf.archive_scale --articles N --keep DIR --queries-only --add-flat-postings

Steps, all in one run so the three systems share the machine's state:
1. the archive (`bench/perf/archive.py`): N distinct articles as JSONL seeds;
2. `cari build` of it in a child process: wall time, peak memory (the sum over the build's
   processes, sampled every 0.2 s, and the largest single process), index size;
3. the peers over the same analysed tokens (Cari's analyzer, each paragraph analysed once:
   the archive's paragraphs repeat), with each article's source and date from the seed and its
   officials as Cari extracted them (read from Cari's index): FTS5 (`bench/perf/peer.py`) and
   tantivy (`bench/perf/tantivy_peer.py`); the vocabulary's growth with N is counted here;
4. the query mix (`bench/perf/queries.toml`), every query on each system, --rounds times,
   interleaved: Cari's full results page in process (hits, snippets, facets, timeline; no
   result cache), and on each peer the same work (total, top 10 by BM25, per-source and
   per-official counts of the matches);
5. `cari update` with 10 new articles (a new seed), timed;
6. `cari serve` on the index: its memory after every query of the mix twice over HTTP;
7. when an OpenSearch cluster answers at $CARI_OPENSEARCH_URL (default 127.0.0.1:9200, e.g.
   `make opensearch`): the same on it, between steps 4 and 5 (`cari build --engine
   opensearch`: articles/s and peak memory; the results page p50/p95; `cari serve`'s memory;
   the nodes' JVM resident sets and heaps), in a table beside the embedded engine's;
8. with --corpus, then both engines on the whole corpus (`bench/perf/engines.py`: ingest,
   results page, memory, agreement), on the same cluster.
Prints the tables and writes bench/results/scale-N.json (again with the corpus's figures).
"""

from __future__ import annotations

import argparse
import json
import marshal
import math
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from bench.harness import (
    ROOT,
    cari_command,
    dir_size_mb,
    latency_stats,
    machine,
    median,
    run_sampled,
    table,
    work_dir,
    write_json,
)
from bench.perf.archive import PER_FILE, generate, load_donors, write_archive
from bench.perf.http_load import Server, tree_rss_mb, tree_rss_parts_mb
from bench.perf.peer import AnalysedDoc, Peer, build_peer_docs
from bench.perf.query import engine_request
from bench.perf.querymix import label, load_mix, to_query_string, usable
from bench.perf.tantivy_peer import TantivyPeer, build_tantivy, tantivy_available
from search.config import DEFAULT_OPENSEARCH_URL

UPDATE_SEED = "arsip-baru.jsonl"  # the 10 new articles of `cari update`
# The embedded engine's commands, whatever engine $CARI_OPENSEARCH_URL would choose for them.
EMBEDDED = {"CARI_ENGINE": "whoosh"}


def _query_figures(queries: dict[str, Any]) -> dict[str, Any]:
    """The results JSON's p50/p95 of Cari's page and of each peer, from the query timings."""
    return {
        "page_p50_ms": queries["cari"]["p50_ms"],
        "page_p95_ms": queries["cari"]["p95_ms"],
        "page_cpu_p50_ms": queries["cari_cpu"]["p50_ms"],
        "page_cpu_p95_ms": queries["cari_cpu"]["p95_ms"],
        "fts5_p50_ms": queries["fts5"]["p50_ms"],
        "fts5_p95_ms": queries["fts5"]["p95_ms"],
        "tantivy_p50_ms": queries.get("tantivy", {}).get("p50_ms"),
        "tantivy_p95_ms": queries.get("tantivy", {}).get("p95_ms"),
    }


def _index_metadata(index_dir: Path) -> dict[str, tuple[str, ...]]:
    """Each article's officials as Cari extracted them, by article id."""
    from search.indexing import store

    officials: dict[str, tuple[str, ...]] = {}
    with store.require_live(index_dir).searcher() as s:
        for fields in s.reader().all_stored_fields():
            pairs = json.loads(fields.get("official_roles") or "[]")
            officials[fields["id"]] = tuple(name for name, _ in pairs)
    return officials


def _analyse_archive(
    seeds: list[Path], officials: dict[str, tuple[str, ...]], out: Path
) -> dict[str, Any]:
    """The archive's records as the peers index them, written once to `out` (marshal) so
    both peers read the same tokens; counts the vocabulary on the way (distinct analysed
    tokens after 1/8, 1/4, 1/2 and all of the articles). Paragraphs of the corpus are analysed
    once each (the archive repeats them); renamed ones are analysed where they appear."""
    from search.dates import date_span
    from search.indexing.schema import NO_DATE_END, NO_DATE_START
    from search.ingest.extract.dates import parse_iso_date
    from search.text.analyzer import analyze

    donors, _, _ = load_donors()
    known = {p for donor in donors for p in donor.paragraphs}
    del donors
    total = sum(1 for path in seeds for _ in path.open(encoding="utf-8"))
    checkpoints = {max(1, total // d) for d in (8, 4, 2, 1)}
    cache: dict[str, tuple[str, ...]] = {}
    words: set[str] = set()
    vocabulary: dict[int, int] = {}
    n = 0
    with out.open("wb") as sink:
        for path in seeds:
            for line in path.open(encoding="utf-8"):
                record = json.loads(line)
                body: list[str] = []
                for paragraph in record["body"].split("\n"):
                    tokens = cache.get(paragraph)
                    if tokens is None:
                        tokens = tuple(analyze(paragraph))
                        if paragraph in known:
                            cache[paragraph] = tokens
                    body.extend(tokens)
                title = tuple(analyze(record["title"]))
                words.update(title)
                words.update(body)
                date = parse_iso_date(record["date"])
                start, end = date_span(date) if date else (NO_DATE_START, NO_DATE_END)
                n += 1
                if n in checkpoints:
                    vocabulary[n] = len(words)
                doc = (record["id"], title, tuple(body), record["source"], start, end)
                marshal.dump((*doc, officials.get(record["id"], ())), sink)
    return {"articles": n, "vocabulary": vocabulary}


def _read_analysed(path: Path) -> Iterator[AnalysedDoc]:
    with path.open("rb") as source:
        while True:
            try:
                yield AnalysedDoc(*marshal.load(source))
            except EOFError:
                return


def _build_peers(seeds: list[Path], index_dir: Path, work: Path) -> dict[str, Any]:
    """Both peers built from the same analysed archive (analysis timed apart)."""
    started = time.perf_counter()
    officials = _index_metadata(index_dir)
    metadata_s = time.perf_counter() - started
    tokens = work / "analysed.marshal"
    started = time.perf_counter()
    analysed = _analyse_archive(seeds, officials, tokens)
    analysis_s = time.perf_counter() - started
    del officials
    started = time.perf_counter()
    build_peer_docs(_read_analysed(tokens), work / "peer.sqlite")
    fts5_s = time.perf_counter() - started
    tantivy_s = None
    if tantivy_available():
        started = time.perf_counter()
        build_tantivy(_read_analysed(tokens), work / "tantivy")
        tantivy_s = time.perf_counter() - started
    tokens.unlink()
    points = sorted(analysed["vocabulary"].items())
    (n1, v1), (n2, v2) = points[0], points[-1]
    beta = math.log(v2 / v1) / math.log(n2 / n1) if n2 > n1 and v1 else None
    return {
        "articles": analysed["articles"],
        "officials_read_s": round(metadata_s, 2),
        "analysis_s": round(analysis_s, 2),
        "fts5_build_s": round(fts5_s, 2),
        "tantivy_build_s": round(tantivy_s, 2) if tantivy_s is not None else None,
        "vocabulary": {str(k): v for k, v in points},
        "heaps_beta": round(beta, 3) if beta else None,
    }


def _queries(index_dir: Path, work: Path, rounds: int, *, cold: bool = False) -> dict[str, Any]:
    """The query mix on Cari and the peers, interleaved; with `cold`, Cari's decoded
    postings are dropped before each of its searches (what every search meets when the
    mix's postings do not fit the cache, as at a million articles)."""
    from search.retrieval.engine import SearchEngine
    from search.retrieval.postings import clear_cache

    engine = SearchEngine(index_dir, cache_size=0)
    mix, skipped = usable(engine, load_mix())
    requests = [engine_request(engine, p) for p in mix]
    systems: dict[str, Any] = {"cari": engine.search, "fts5": Peer(work / "peer.sqlite").search}
    if (work / "tantivy").exists():
        systems["tantivy"] = TantivyPeer(work / "tantivy").search
    times: dict[str, list[list[float]]] = {name: [[] for _ in requests] for name in systems}
    cpu: list[float] = []  # Cari's CPU time a search (the process's: one thread searches)
    totals: dict[str, list[int]] = {name: [0] * len(requests) for name in systems}
    for search in systems.values():  # warm-up, not timed
        for request in requests:
            search(request)
    for _ in range(rounds):
        for i, request in enumerate(requests):
            for name, search in systems.items():
                if cold and name == "cari":
                    clear_cache()
                started, cpu_started = time.perf_counter(), time.process_time()
                found = search(request)
                times[name][i].append(time.perf_counter() - started)
                if name == "cari":
                    cpu.append(time.process_time() - cpu_started)
                totals[name][i] = found.total if name == "cari" else found["total"]
    engine.close()
    out: dict[str, Any] = {"queries": len(requests), "skipped": skipped, "rounds": rounds}
    out["cold"] = cold
    for name in systems:
        out[name] = latency_stats([t for ts in times[name] for t in ts])
    out["cari_cpu"] = latency_stats(cpu)
    out["per_query"] = [
        {
            "query": label(p),
            **{f"{n}_ms": round(median(times[n][i]) * 1000, 3) for n in systems},
            **{f"{n}_total": totals[n][i] for n in systems},
        }
        for i, p in enumerate(mix)
    ]
    out["paths"] = ["/?" + to_query_string(p) for p in mix]
    return out


def _update10(seeds: Path, index_dir: Path) -> float:
    """`cari update` after a new seed of 10 articles (never seen: another generator seed)."""
    donors, sources, weights = load_donors()
    path = seeds / UPDATE_SEED
    with path.open("w", encoding="utf-8") as out:
        for record in generate(10, donors, sources, weights, seed=7):
            record["id"] = record["id"].replace("arsip-", "arsip-baru-")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [*cari_command(), "update", "--seeds", str(seeds), "--index", str(index_dir)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **EMBEDDED})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"cari update failed: {done.stderr[-800:]}")
    return seconds


def _server_rss(index_dir: Path, paths: list[str], env: dict[str, str] | None = None) -> float:
    return _server_memory(index_dir, paths, env)["rss"]


def _server_memory(
    index_dir: Path, paths: list[str], env: dict[str, str] | None = None
) -> dict[str, float]:
    """`cari serve`'s resident memory after the mix twice over HTTP: the whole (`rss`) and
    its parts, the server's own allocations (`anon`) and the index pages it maps (`file`,
    page cache the kernel may drop)."""
    import http.client

    # A million articles' facet tables take minutes to read on a loaded machine: wait for them.
    server = Server(index_dir, env=env, start_s=900)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        for _ in range(2):
            for path in paths:
                conn.request("GET", path)
                conn.getresponse().read()
        conn.close()
        return {"rss": tree_rss_mb(server.proc.pid), **tree_rss_parts_mb(server.proc.pid)}
    finally:
        server.stop()


def _opensearch(seeds: Path, work: Path, rounds: int, paths: list[str]) -> dict[str, Any] | None:
    """The archive on the OpenSearch cluster at $CARI_OPENSEARCH_URL (default
    127.0.0.1:9200), when one answers (None without one), measured as the embedded engine
    is: `cari build --engine opensearch` in a child process (bulk ingest, articles/s, and its
    peak memory), the results page of the same mix in process (p50/p95), `cari serve`'s
    memory after the mix twice over HTTP, and the nodes' (JVM) resident sets and heaps."""
    from bench.perf.engines import _answers, _jvm
    from search.config import EngineSettings
    from search.indexing import opensearch_index
    from search.retrieval.engines import open_engine

    url = os.environ.get("CARI_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL
    if not _answers(url.split(",")[0]):
        print(f"OpenSearch: none at {url}, left out", flush=True)
        return None
    settings = EngineSettings(engine="opensearch", urls=tuple(url.split(",")), alias="cari-scale")
    env = {
        "CARI_ENGINE": "opensearch",
        "CARI_OPENSEARCH_URL": url,
        "CARI_OPENSEARCH_INDEX": "cari-scale",
    }
    state = work / "opensearch-state"
    build = run_sampled(
        [*cari_command(), "build", "--seeds", str(seeds), "--index", str(state)], env
    )
    client = opensearch_index.connect(settings)
    articles = opensearch_index.live_count(client, settings.alias)
    print(f"cari build --engine opensearch: {build['seconds']:.1f} s", flush=True)
    engine = open_engine(state, settings, cache_size=0)
    requests = [engine_request(engine, p) for p in usable(engine, load_mix())[0]]
    for request in requests:  # warm-up, not timed
        engine.search(request)
    times = []
    for _ in range(rounds):
        for request in requests:
            started = time.perf_counter()
            engine.search(request)
            times.append(time.perf_counter() - started)
    engine.close()
    stats = latency_stats(times)
    server_rss = _server_rss(state, paths, env)
    jvm = _jvm(settings, [])
    opensearch_index.delete_all(client, settings.alias)
    return {
        "articles": articles,
        "build_s": round(build["seconds"], 1),
        "articles_per_s": round(articles / build["seconds"]),
        "build_peak_rss_mb": round(build["tree_peak_mb"], 1),
        "p50_ms": stats["p50_ms"],
        "p95_ms": stats["p95_ms"],
        "server_rss_mb": round(server_rss, 1),
        "jvm_rss_mb": jvm["rss_mb"],
        "jvm_heap_used_mb": jvm["heap_used_mb"],
        "jvm_heap_max_mb": jvm["heap_max_mb"],
        "jvm_nodes": jvm["nodes"],
    }


def _archive(seeds: Path, articles: int, manifest: Path) -> tuple[list[Path], float, bool]:
    """The archive's seed files, generated, or kept from an earlier run in the same work folder
    (the generator is deterministic; `manifest` says which archive the folder holds), the
    seconds its generation took, and whether it was kept."""
    wanted = {"articles": articles, "articles_per_seed_file": PER_FILE}
    if manifest.exists():
        kept = json.loads(manifest.read_text())
        paths = sorted(seeds.glob("arsip-[0-9]*.jsonl"))
        if {k: kept.get(k) for k in wanted} == wanted and len(paths) == kept.get("seed_files"):
            print(f"archive: {articles:,} articles kept in {seeds}", flush=True)
            return paths, float(kept["generate_s"]), True
    manifest.unlink(missing_ok=True)
    started = time.perf_counter()
    paths = write_archive(seeds, articles)
    generate_s = time.perf_counter() - started
    print(f"archive: {articles:,} articles in {generate_s:.1f} s", flush=True)
    manifest.write_text(
        json.dumps({**wanted, "seed_files": len(paths), "generate_s": round(generate_s, 1)})
    )
    return paths, generate_s, False


T = TypeVar("T")


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    )
    return done.stdout.strip() or "unknown"


def _stage(progress: dict[str, Any], path: Path, name: str, measure: Callable[[], T]) -> T:
    """A stage's figures: kept from an earlier run of the same work folder (`path`, the
    progress file, holds them with the commit that measured them, which the result lists in
    `stage_commits`), or measured now and saved there, so a run that stops late (a server
    that does not start, a machine cut off) is resumed, not started again."""
    if name in progress:
        print(f"{name}: kept from an earlier run at {progress['commits'][name]} ({path})")
        return progress[name]
    progress[name] = measure()
    progress.setdefault("commits", {})[name] = _commit()
    path.write_text(json.dumps(progress, indent=1))
    return progress[name]


def run(articles: int, work: Path, rounds: int = 3) -> dict[str, Any]:
    from search.indexing import store

    seeds, index_dir = work / "seeds", work / "index"
    paths, generate_s, kept = _archive(seeds, articles, work / "archive.json")
    progress_path = work / "progress.json"
    progress = json.loads(progress_path.read_text()) if progress_path.exists() else {}
    if not kept or progress.get("articles") != articles or not store.live_generation(index_dir):
        progress = {"articles": articles}  # a new archive or no index: every stage again
        (seeds / UPDATE_SEED).unlink(missing_ok=True)

    def build_index() -> dict[str, Any]:
        command = [*cari_command(), "build", "--seeds", str(seeds), "--index", str(index_dir)]
        return run_sampled(command, EMBEDDED)

    build = _stage(progress, progress_path, "build", build_index)
    live = store.require_live(index_dir).path
    print(f"cari build: {build['seconds']:.1f} s, peak {build['tree_peak_mb']:.0f} MB", flush=True)
    peers = _stage(progress, progress_path, "peers", lambda: _build_peers(paths, index_dir, work))
    print(f"peers built: {peers}", flush=True)
    queries = _queries(index_dir, work, rounds)
    paths = queries.pop("paths")
    cluster = _opensearch(seeds, work, rounds, paths)
    update10 = _stage(progress, progress_path, "update10", lambda: _update10(seeds, index_dir))
    server = _server_memory(index_dir, paths, EMBEDDED)
    result: dict[str, Any] = {
        "articles": articles,
        "seed_files": len(paths),
        "articles_per_seed_file": PER_FILE,
        "generate_s": round(generate_s, 1),
        "build_s": round(build["seconds"], 1),
        "articles_per_s": round(articles / build["seconds"]),
        "build_cpu_s": _rounded(build.get("cpu_seconds")),
        "load_average_at_end": [round(x, 1) for x in os.getloadavg()],
        "peak_rss_mb": round(build["tree_peak_mb"], 1),
        "peak_rss_largest_process_mb": _rounded(build.get("largest_process_mb")),
        "index_mb": round(dir_size_mb(live), 1),
        "update10_s": round(update10, 2),
        **_query_figures(queries),
        "server_rss_mb": round(server["rss"], 1),
        "server_anon_mb": round(server["anon"], 1),
        "server_file_mb": round(server["file"], 1),
        "peers": peers,
        "stage_commits": {**progress.get("commits", {}), "queries": _commit()},
        "opensearch": cluster,
        "queries": queries,
        "machine": machine(),
    }
    return result


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


TARGETS_AT_1M = (
    ("build_s", "full build, s", 15 * 60),
    ("peak_rss_mb", "build peak RSS, MB", 2048),
    ("update10_s", "update with 10 new, s", 2.0),
    ("page_p50_ms", "results page p50, ms", 15.0),
    ("page_p95_ms", "results page p95, ms", 60.0),
    ("server_rss_mb", "server RSS, MB", 1024),
)


def report(result: dict[str, Any]) -> str:
    rows = [(label, result[key], f"<= {target:g}") for key, label, target in TARGETS_AT_1M]
    if "server_anon_mb" in result:
        rows.append(("  of it the server's own, MB", result["server_anon_mb"], ""))
        rows.append(("  of it index pages mapped, MB", result["server_file_mb"], ""))
    rows.append(("index size, MB", result["index_mb"], ""))
    text = table(rows, (f"{result['articles']:,} articles", "figure", "target at 1M"))
    speed = [
        ("Cari (full page)", result["page_p50_ms"], result["page_p95_ms"], result["build_s"]),
        ("Cari, CPU time", result.get("page_cpu_p50_ms"), result.get("page_cpu_p95_ms"), ""),
        (
            "SQLite FTS5",
            result["fts5_p50_ms"],
            result["fts5_p95_ms"],
            result["peers"]["fts5_build_s"],
        ),
    ]
    if result["tantivy_p50_ms"] is not None:
        speed.append(
            (
                "tantivy",
                result["tantivy_p50_ms"],
                result["tantivy_p95_ms"],
                result["peers"]["tantivy_build_s"],
            )
        )
    if result.get("opensearch"):
        o = result["opensearch"]
        speed.append(("Cari on OpenSearch", o["p50_ms"], o["p95_ms"], o["build_s"]))
    text += "\n" + table(speed, ("same work", "p50 ms", "p95 ms", "build s"))
    if result.get("opensearch"):
        text += "\n" + _engines_table(result)
    p = result["peers"]
    text += (
        f"\npeers' analysis (shared, one process): {p['analysis_s']} s;"
        f" vocabulary {p['vocabulary']} (Heaps exponent {p['heaps_beta']})"
    )
    return text


def _engines_table(result: dict[str, Any]) -> str:
    """The archive on both engines: ingest from the seeds, the results page, memory."""
    o = result["opensearch"]
    rows = [
        ("bulk ingest (cari build), articles/s", result["articles_per_s"], o["articles_per_s"]),
        ("results page p50, ms", result["page_p50_ms"], o["p50_ms"]),
        ("results page p95, ms", result["page_p95_ms"], o["p95_ms"]),
        ("Python: build peak RSS, MB", result["peak_rss_mb"], o["build_peak_rss_mb"]),
        ("Python: server RSS, MB", result["server_rss_mb"], o["server_rss_mb"]),
        (
            "JVM: RSS, MB (heap used)",
            "",
            f"{o['jvm_rss_mb']} ({o['jvm_heap_used_mb']}), {o['jvm_nodes']} nodes",
        ),
    ]
    return table(rows, (f"{result['articles']:,} articles", "embedded", "OpenSearch"))


def queries_only(articles: int, work: Path, rounds: int, *, cold: bool = False) -> dict[str, Any]:
    """The query figures again on a kept work folder (its archive, Cari index and peers as a
    full run left them), in the previous results of that size (build and update figures
    kept, with the commit they were measured at)."""
    from bench.harness import RESULTS_DIR

    for needed in ("index", "peer.sqlite"):
        if not (work / needed).exists():
            raise SystemExit(f"{work / needed}: missing (a full run with --keep makes it)")
    previous_path = RESULTS_DIR / f"scale-{articles}.json"
    previous = json.loads(previous_path.read_text()) if previous_path.exists() else {}
    queries = _queries(work / "index", work, rounds, cold=cold)
    queries.pop("paths")
    result = {k: v for k, v in previous.items() if k not in ("benchmark", "machine")}
    result.update(
        {
            "articles": articles,
            "queries_only": True,
            "earlier_figures_machine": previous.get("machine"),
            "load_average_at_end": [round(x, 1) for x in os.getloadavg()],
            **_query_figures(queries),
            "queries": queries,
            "opensearch": None,  # not measured again
        }
    )
    result.setdefault("peers", {"fts5_build_s": None, "tantivy_build_s": None})
    for key in ("build_s", "peak_rss_mb", "update10_s", "server_rss_mb", "index_mb"):
        result.setdefault(key, None)
    return result


def add_flat_postings(index_dir: Path) -> dict[str, Any]:
    """Write the flat postings and positions files (search.indexing.flat_postings and
    flat_positions) of every segment of a kept index that lacks them, and record them with
    the generation's files: an index built before they existed is measured with them without
    a rebuild."""
    from search.indexing import flat_positions, flat_postings, store

    started = time.perf_counter()
    with store.write_lock(index_dir, "add flat postings"):
        generation = store.require_live(index_dir)
        written = flat_postings.write_missing(generation.path, every=True)
        generation.record_files()
    files = list(generation.path.glob(f"*{flat_postings.EXTENSION}"))
    files += generation.path.glob(f"*{flat_positions.EXTENSION}")
    return {
        "segments_written": written,
        "seconds": round(time.perf_counter() - started, 1),
        "files_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "index_mb": round(sum(p.stat().st_size for p in generation.path.iterdir()) / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="archive size N")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the query mix")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: temporary)")
    parser.add_argument(
        "--corpus",
        action="store_true",
        help="then both engines on the whole corpus (bench.perf.engines), in the same run",
    )
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="only the query figures, on the archive, index and peers kept in --keep",
    )
    parser.add_argument(
        "--add-flat-postings",
        action="store_true",
        help="first write the flat postings and positions files the index in --keep lacks (an"
        " index built before they existed), then measure (with --queries-only: the queries"
        " alone)",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="with --queries-only: drop Cari's decoded postings before each of its searches",
    )
    args = parser.parse_args(argv)
    if args.add_flat_postings:
        if args.keep is None:
            parser.error("--add-flat-postings needs --keep DIR")
        added = add_flat_postings(args.keep / "index")
        print(f"flat postings: {added}", flush=True)
    if args.queries_only:
        if args.keep is None:
            parser.error("--queries-only needs --keep DIR")
        result = queries_only(args.articles, args.keep, args.rounds, cold=args.cold)
        if args.add_flat_postings:
            result["flat_postings_added"] = added
    else:
        with work_dir(args.keep, "cari-archive-") as work:
            result = run(args.articles, work, rounds=args.rounds)
    print(report(result))
    print(f"-> {write_json(f'scale-{args.articles}', result)}", flush=True)
    if args.corpus:
        from bench.perf.engines import report as engines_report
        from bench.perf.engines import run as engines_run

        url = os.environ.get("CARI_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL
        result["corpus"] = engines_run(None, args.rounds, url)
        print(f"the corpus ({result['corpus']['ingest']['articles']:,} articles):")
        print(engines_report(result["corpus"]))
        print(f"-> {write_json(f'scale-{args.articles}', result)}")


if __name__ == "__main__":
    main()

"""`cari update` with a few new seeds versus a full `cari build`, on the shared corpus.

Writes the corpus records as one .txt seed each into a scratch folder (outside the repo),
builds the index once in full (timed), then times: an update with nothing to do, an update
with N new seeds, one with N edited seeds and one with N deleted seeds. Prints the figures
and writes them as JSON.

By default the full build indexes the corpus records directly (`build_articles`, as the
corpus benchmarks do: no parsing of scraped pages), with each article's content hash that of
its seed file, so the update sees them as unchanged. `--parse-seeds` times a real
`cari build` of the seed folder instead (parsing every page: much slower).

    .venv/bin/python -m bench.perf.update_vs_build                   # whole corpus (minutes)
    .venv/bin/python -m bench.perf.update_vs_build --articles 2000   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from bench.harness import RESULTS_DIR, seed_text, write_txt_seeds
from search.indexing import store
from search.indexing.build import build, build_articles
from search.indexing.update import indexed_hashes, update
from search.ingest.files import content_hash
from search.model import Article, ArticleDate
from tests.corpus import records as corpus_records

# Each record as a scraped page: title, dateline ("10 September 2019"), body.
SEED_STYLE = {"dateline": "written"}


def record_article(record: dict, seeds: Path) -> Article:
    """A corpus record as an Article, with the content hash of its seed file."""
    return Article(
        id=record["id"],
        title=record["title"],
        body=record["body"],
        date=ArticleDate.from_iso(record["date"]),
        source=record["source"],
        url=record["url"],
        content_hash=content_hash((seeds / f"{record['id']}.txt").read_bytes()),
    )


def timed(label: str, fn, figures: dict[str, object], key: str) -> object:
    """Run fn; record its wall-clock and CPU seconds (CPU is steadier on a shared machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    figures[f"{key}_s"], figures[f"{key}_cpu_s"] = round(seconds, 2), round(cpu_seconds, 2)
    summary = getattr(result, "summary", lambda: "")()
    print(f"{label:<34} {seconds:8.2f} s  {cpu_seconds:8.2f} s cpu   {summary}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="corpus records (default all)")
    parser.add_argument("--new", type=int, default=10, help="seeds added, edited, deleted")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (kept)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "update_vs_build.json")
    parser.add_argument("--parse-seeds", action="store_true", help="time a real `cari build`")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cari-bench-update-"))
    seeds, index = workdir / "seeds", workdir / "index"
    shutil.rmtree(workdir / "seeds", ignore_errors=True)
    shutil.rmtree(index, ignore_errors=True)
    records = list(corpus_records(args.articles))
    write_txt_seeds(seeds, records, **SEED_STYLE)
    print(f"{len(records)} corpus articles as seeds in {seeds}/")

    figures: dict[str, object] = {
        "articles": len(records),
        "changed_seeds": args.new,
        "full_build": "cari build (parses seeds)" if args.parse_seeds else "records, no parsing",
    }
    if args.parse_seeds:
        full = lambda: build(seeds, index)  # noqa: E731
    else:
        full = lambda: build_articles((record_article(r, seeds) for r in records), index)  # noqa: E731
    built = timed("full build", full, figures, "full_build")
    figures["index_mb"] = round(
        sum(f.stat().st_size for f in store.require_live(index).path.iterdir()) / 1e6, 1
    )
    timed(
        "read id->hash map from the index",
        lambda: indexed_hashes(store.require_live(index)),
        figures,
        "read_index_hashes",
    )
    timed("update, nothing changed", lambda: update(seeds, index), figures, "update_noop")

    picked = records[: args.new]
    for n, record in enumerate(picked):
        copy = dict(record, title=f"{record['title']} (susulan {n})")
        (seeds / f"new-{n:03d}.txt").write_text(seed_text(copy, **SEED_STYLE), encoding="utf-8")
    added = timed(
        f"update, {args.new} new seeds", lambda: update(seeds, index), figures, "update_add"
    )
    for record in picked:
        path = seeds / f"{record['id']}.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\nRalat: diperbarui.\n", "utf-8")
    timed(f"update, {args.new} edited seeds", lambda: update(seeds, index), figures, "update_edit")
    for n in range(args.new):
        (seeds / f"new-{n:03d}.txt").unlink()
    timed(
        f"update, {args.new} deleted seeds", lambda: update(seeds, index), figures, "update_delete"
    )
    for kind in ("s", "cpu_s"):
        figures[f"speedup_add_vs_build_{kind}"] = round(
            figures[f"full_build_{kind}"] / max(figures[f"update_add_{kind}"], 0.01), 1
        )
    figures["load_average"] = round(os.getloadavg()[0], 1)
    figures["machine"] = f"{platform.machine()}, python {platform.python_version()}"
    assert added.added and built.indexed  # type: ignore[attr-defined]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures))
    print(f"wrote {args.out}")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Scale benchmark: the query mix on an index N times the corpus (default 10x).

Building 254,000 articles would take far longer than a benchmark run may, so the large index
is assembled from the built one: every segment file is copied N times under new segment ids
and listed in one table of contents. Postings, facets and stored fields grow N-fold, which is
what query latency depends on; ids and dates repeat in each copy (the copies are identical
documents), and the index has N times the segments of the original.

    python -m bench.perf.scale --index DIR [--copies 10] [--rounds 3]
"""

from __future__ import annotations

import argparse
import copy
import shutil
from pathlib import Path
from typing import Any

from bench.harness import dir_size_mb, table, work_dir, write_json


def replicate(index_dir: Path, target: Path, copies: int) -> Path:
    """An index folder in `target` whose live generation holds `copies` of every segment."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC
    from whoosh.util import random_name

    from search.indexing import store

    generation = store.require_live(index_dir)
    ix = generation.open()
    toc = TOC.read(ix.storage, ix.indexname)
    build_dir = store.new_build_dir(target)
    segments = []
    for _ in range(copies):
        for segment in toc.segments:
            clone = copy.copy(segment)
            clone.segid = random_name(size=16)
            _copy_segment(ix.storage, segment, clone, generation.path, build_dir)
            segments.append(clone)
    storage = FileStorage(str(build_dir))
    TOC(toc.schema, segments, 1).write(storage, ix.indexname)
    meta = generation.read_meta()
    meta["articles"] = meta.get("articles", 0) * copies
    meta["replicated_from"] = str(generation.path)
    store.Generation(build_dir).write_meta(meta)
    return store.publish(target, build_dir).path


def _copy_segment(storage: Any, segment: Any, clone: Any, src: Path, dst: Path) -> None:
    """The files of `segment` under `clone`'s id (a compound segment is unpacked)."""
    old, new = segment.segment_id(), clone.segment_id()
    if segment.is_compound():
        compound = segment.open_compound_file(storage)
        for name in compound.list():
            with compound.open_file(name) as f:
                data = f.read()
            (dst / name.replace(old, new, 1)).write_bytes(data)
        compound.close()
        clone.compound = False
        return
    for name in segment.list_files(storage):
        _link_or_copy(src / name, dst / name.replace(old, new, 1))


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        dst.hardlink_to(src)
    except OSError:
        shutil.copyfile(src, dst)


def run(index_dir: Path, work: Path, *, copies: int = 10, rounds: int = 3) -> dict[str, Any]:
    from bench.perf import query

    target = work / f"index-x{copies}"
    shutil.rmtree(target, ignore_errors=True)
    generation = replicate(index_dir, target, copies)
    from search.indexing import store

    with store.Generation(generation).open().searcher() as s:
        docs = s.doc_count()
        segments = len(s.reader().leaf_readers()) if not s.is_atomic() else 1
    result = query.run(target, None, rounds=rounds, profile=False)
    out = {
        "copies": copies,
        "articles": docs,
        "segments": segments,
        "index_mb": round(dir_size_mb(generation), 1),
        "cari": result["cari"],
        "queries": result["queries"],
        "rounds": rounds,
        "slowest": sorted(result["per_query"], key=lambda q: -q["cari_ms"])[:5],
        "profile_top": result["profile_top"],
    }
    shutil.rmtree(target, ignore_errors=True)
    return out


def report(result: dict[str, Any]) -> str:
    c = result["cari"]
    rows = [
        (
            f"x{result['copies']}",
            result["articles"],
            result["segments"],
            c["p50_ms"],
            c["p95_ms"],
            c["max_ms"],
        )
    ]
    text = table(rows, ("corpus", "articles", "segments", "p50 ms", "p95 ms", "max ms"))
    return (
        text
        + "\nslowest: "
        + "; ".join(f"{q['query']} {q['cari_ms']:.1f}" for q in result["slowest"])
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with work_dir(None, "cari-scale-") as work:
        result = run(args.index, work, copies=args.copies, rounds=args.rounds)
    print(report(result))
    print(f"-> {write_json('scale', result)}")


if __name__ == "__main__":
    main()

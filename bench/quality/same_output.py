"""Is `cari query --json` the same before and after a change? The comparison behind a refactor.

Builds two indexes with `cari build` (the five seeds, and the shared corpus as one JSONL seed),
runs a fixed list of requests through the `cari query --json` command, and writes every output
(with `took_ms` zeroed) to a JSON file. Given a file written at another commit, it prints each
request whose output differs and exits 1 when any does.

    python bench/quality/same_output.py --out before.json            # at the old commit
    python bench/quality/same_output.py --out after.json --compare before.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from search.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"

# (index, argv after `cari query`): the seeds' own requests, then 20 corpus requests.
REQUESTS: list[tuple[str, list[str]]] = [
    ("seeds", ["pelayanan publik"]),
    ("seeds", ["official:jokowi"]),
    ("seeds", ["netralitas source:kompas.com"]),
    ("seeds", ["netralitas"]),
    ("seeds", ['"reformasi birokrasi"']),
    ("seeds", ["birokra*", "--sort", "newest"]),
    ("seeds", ["dilayani -publik"]),
    ("corpus", ["banjir jakarta"]),
    ("corpus", ["banjir jakarta", "--sort", "newest"]),
    ("corpus", ["tito karnavian pilkada"]),
    ("corpus", ["banjir AND jakarta"]),
    ("corpus", ["+sri +mulyani"]),
    ("corpus", ["KPK revisi"]),
    ("corpus", ['"pelayanan publik"', "--limit", "20", "--page", "2"]),
    ("corpus", ['exact:"tidak akan mundur"']),
    ("corpus", ["birokra*"]),
    ("corpus", ["title:gempa"]),
    ("corpus", ["karhutla -riau"]),
    ("corpus", ["korupsi", "--official", "Jokowi"]),
    ("corpus", ["investasi", "--source", "tempo.co"]),
    ("corpus", ["pemindahan ibu kota", "--from", "2019-08", "--to", "2019-08-31"]),
    ("corpus", ["official:jokowi source:detik.com"]),
    ("corpus", ["dilayani"]),
    ("corpus", ["e-KTP"]),
    ("corpus", ["stunting OR gizi", "--sort", "oldest"]),
    ("corpus", ["jokowu"]),
    ("corpus", ["Ma’ruf Amin"]),
]


def build(kind: str, folder: Path) -> Path:
    seeds, index = folder / f"{kind}-seeds", folder / f"{kind}-index"
    seeds.mkdir()
    if kind == "seeds":
        for path in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(path, seeds / path.name)
    else:
        if not CORPUS.exists():
            raise SystemExit(f"the shared corpus is missing: expected {CORPUS}")
        shutil.copy(CORPUS, seeds / CORPUS.name)
    cari = Path(sys.executable).with_name("cari")
    # One build worker: with several, the segments' order follows which worker finishes
    # first, and equal scores or dates then come in another order from build to build.
    env = {
        **os.environ,
        "CARI_SEEDS_DIR": str(seeds),
        "CARI_INDEX_DIR": str(index),
        "CARI_BUILD_WORKERS": "1",
    }
    subprocess.run([str(cari), "build"], env=env, check=True, capture_output=True)
    return index


def run_all(folder: Path) -> dict[str, str]:
    indexes = {kind: build(kind, folder) for kind in ("seeds", "corpus")}
    runner = CliRunner()
    outputs: dict[str, str] = {}
    for kind, argv in REQUESTS:
        result = runner.invoke(cli, ["query", *argv, "--json", "--index", str(indexes[kind])])
        try:
            data = json.loads(result.output)
            data["took_ms"] = 0
            text = json.dumps(data, ensure_ascii=False, indent=2)
        except ValueError:
            text = f"exit {result.exit_code}: {result.output}"
        outputs[f"{kind}: {' '.join(argv)}"] = text
        print(f"{kind:6} {' '.join(argv)[:60]:60} {len(text):>8} bytes", flush=True)
    return outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="write the outputs here")
    parser.add_argument("--compare", type=Path, help="outputs written at another commit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cari-same-output-") as tmp:
        outputs = run_all(Path(tmp))
    args.out.write_text(json.dumps(outputs, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.compare:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = [key for key in outputs if before.get(key) != outputs[key]]
    for key in changed:
        print(f"differs: {key}")
    print(f"{len(outputs) - len(changed)} of {len(outputs)} outputs byte-identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())

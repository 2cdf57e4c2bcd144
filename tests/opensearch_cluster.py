"""A 2-node OpenSearch test cluster (deploy/opensearch/cluster.py) on ports of its own, in a
home folder of its own, started once per test session and stopped at its end."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / "deploy" / "opensearch" / "cluster.py"
SKIP_ENV = "CARI_SKIP_OPENSEARCH"
NODES = 2


@dataclass
class ClusterUnderTest:
    home: Path
    http_port: int
    transport_port: int
    pids: set[int] = field(default_factory=set)  # every node process started, restarts too

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(f"http://127.0.0.1:{self.http_port + n}" for n in range(NODES))

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(CLUSTER), *args, "--home", str(self.home)]
        done = subprocess.run(command, capture_output=True, text=True, check=check, timeout=600)
        self.pids |= set(self._recorded())
        return done

    def _recorded(self) -> list[int]:
        import json

        try:
            return [
                int(p)
                for p in json.loads((self.home / "cluster.json").read_text())["pids"].values()
            ]
        except (OSError, ValueError, KeyError):
            return []

    def stop(self) -> None:
        """Stop the cluster, and any node process of it still running after that."""
        self.run("stop", check=False)
        for pid in self.pids:
            with contextlib.suppress(OSError):
                # Only a node of this cluster (its home is on its command line), not a
                # process that got the number since.
                if str(self.home).encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGKILL)

    def pid(self, node: int) -> int:
        import json

        return int(json.loads((self.home / "cluster.json").read_text())["pids"][str(node)])

    def log_tail(self, chars: int = 3000) -> str:
        tails = []
        for log in sorted(self.home.glob("node-*.log")):
            tails.append(f"--- {log.name}\n{log.read_text(errors='replace')[-chars:]}")
        return "\n".join(tails)


def _free_run(count: int, start: int) -> int:
    """The first port from `start` on where `count` ports in a row are free on 127.0.0.1."""
    port = start
    while port < 65000:
        try:
            for n in range(count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + n))
        except OSError:
            port += count
            continue
        return port
    raise RuntimeError("no free ports for the test cluster")


@contextmanager
def running_cluster(home: Path) -> Iterator[ClusterUnderTest]:
    """Start the cluster (the failure, with the nodes' log tails, as RuntimeError) and stop
    it when done."""
    http = _free_run(NODES, 9400 + os.getpid() % 200 * 2)
    transport = _free_run(NODES, http + 100)
    cluster = ClusterUnderTest(home, http, transport)
    started = cluster.run(
        "start",
        "--nodes",
        str(NODES),
        "--http-port",
        str(http),
        "--transport-port",
        str(transport),
        check=False,
    )
    if started.returncode != 0:
        cluster.stop()
        raise RuntimeError(
            f"the OpenSearch test cluster did not start (exit {started.returncode}):\n"
            f"{started.stdout[-2000:]}\n{started.stderr[-6000:]}"
        )
    try:
        yield cluster
    finally:
        cluster.stop()

"""A local OpenSearch 2.19.6 cluster for development and tests, from Maven Central jars.

    python deploy/opensearch/cluster.py start [--nodes 2] [--http-port 9200] [--home DIR]
    python deploy/opensearch/cluster.py stop [--home DIR]
    python deploy/opensearch/cluster.py status [--home DIR]
    python deploy/opensearch/cluster.py start-node N [--home DIR]   # restart one stopped node

`start` builds the launcher jar with Maven when it is missing (the first time downloads the
OpenSearch jars from Maven Central, about a minute), starts one JVM per node bound to
127.0.0.1 only (heap 512 MB each, HTTP on 9200, 9201 ..., transport on 9300, 9301 ...),
and returns once the cluster is green, leaving the nodes running in the background. Data,
logs and the process ids live in the home folder (default: a folder in the system's
temporary directory). `stop` stops every node of that home and removes its data.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
JAR = HERE / "target" / "cari-opensearch-node-2.19.6.jar"
LIB = HERE / "target" / "lib"
DEFAULT_HOME = Path(tempfile.gettempdir()) / f"cari-opensearch-{os.getuid()}"
HEAP = "512m"
START_TIMEOUT = 180.0


def build_jar() -> None:
    """The launcher jar and the OpenSearch jars beside it (mvn package), when missing."""
    sources = [HERE / "pom.xml", *HERE.glob("src/**/*.java")]
    fresh = JAR.exists() and LIB.is_dir()
    if fresh and max(p.stat().st_mtime for p in sources) <= JAR.stat().st_mtime:
        return
    if shutil.which("mvn") is None:
        sys.exit("cluster: Maven (mvn) is needed to fetch OpenSearch from Maven Central")
    print("cluster: building the OpenSearch launcher with Maven", flush=True)
    subprocess.run(
        ["mvn", "-q", "-B", "-f", str(HERE / "pom.xml"), "package", "-DskipTests"], check=True
    )


def state_path(home: Path) -> Path:
    return home / "cluster.json"


def read_state(home: Path) -> dict:
    try:
        return json.loads(state_path(home).read_text())
    except (OSError, ValueError):
        return {}


def health(port: int, timeout: float = 2.0) -> dict | None:
    url = f"http://127.0.0.1:{port}/_cluster/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read())
    except (OSError, ValueError, urllib.error.URLError):
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    # A zombie child of this process is not alive.
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return True
    return status != "Z"


def start_node(home: Path, state: dict, number: int) -> int:
    """Start node `number` of the cluster described by `state`; returns its pid."""
    nodes = state["nodes"]
    http, transport = state["http_port"] + number, state["transport_port"] + number
    seeds = ",".join(str(state["transport_port"] + i) for i in range(nodes))
    managers = ",".join(f"node-{i}" for i in range(nodes))
    log = open(home / f"node-{number}.log", "ab")  # noqa: SIM115 (the child keeps it)
    process = subprocess.Popen(
        [
            "java",
            f"-Xms{HEAP}",
            f"-Xmx{HEAP}",
            "-XX:+UseSerialGC",
            "-cp",
            f"{JAR}{os.pathsep}{LIB}/*",
            "cari.opensearch.LocalNode",
            f"node-{number}",
            str(home / f"node-{number}"),
            str(http),
            str(transport),
            seeds,
            managers,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    state.setdefault("pids", {})[str(number)] = process.pid
    state_path(home).write_text(json.dumps(state))
    return process.pid


def wait_green(state: dict, timeout: float = START_TIMEOUT) -> dict:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        for number in range(state["nodes"]):
            last = health(state["http_port"] + number) or last
            if last and last.get("status") == "green" and last["number_of_nodes"] == state["nodes"]:
                return last
        time.sleep(1.0)
    raise TimeoutError(f"the cluster was not green after {timeout:.0f} s (last health: {last})")


def start(home: Path, nodes: int, http_port: int, transport_port: int) -> None:
    state = read_state(home)
    if state and any(alive(pid) for pid in state.get("pids", {}).values()):
        wait_green(state)
        print(f"cluster: already running on http://127.0.0.1:{state['http_port']}")
        return
    build_jar()
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    state = {"nodes": nodes, "http_port": http_port, "transport_port": transport_port}
    for number in range(nodes):
        start_node(home, state, number)
    try:
        wait_green(state)
    except TimeoutError:
        for number in range(nodes):
            log = home / f"node-{number}.log"
            print(f"--- {log}", file=sys.stderr)
            print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
        stop(home)
        raise
    ports = ", ".join(str(http_port + i) for i in range(nodes))
    print(f"cluster: {nodes} nodes green on 127.0.0.1 ports {ports} (home {home})")


def stop(home: Path) -> None:
    state = read_state(home)
    pids = [int(p) for p in state.get("pids", {}).values()]
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(home, ignore_errors=True)
    print("cluster: stopped" if pids else "cluster: nothing running")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["start", "stop", "status", "start-node"])
    parser.add_argument("node", nargs="?", type=int, help="for start-node: the node number")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--nodes", type=int, default=2)
    parser.add_argument("--http-port", type=int, default=9200)
    parser.add_argument("--transport-port", type=int, default=9300)
    args = parser.parse_args()
    if args.command == "start":
        start(args.home, args.nodes, args.http_port, args.transport_port)
    elif args.command == "stop":
        stop(args.home)
    elif args.command == "start-node":
        state = read_state(args.home)
        if not state or args.node is None:
            sys.exit("cluster: no cluster state in that home, or no node number given")
        start_node(args.home, state, args.node)
        print(json.dumps(wait_green(state)))
    else:
        state = read_state(args.home)
        if not state:
            sys.exit("cluster: not running")
        print(json.dumps(health(state["http_port"]) or {"status": "unreachable"}, indent=1))


if __name__ == "__main__":
    main()

"""Two copies of the assistant sharing state: PostgreSQL for cases and for Rasa's tracker store,
Redis for Rasa's lock store. Built from the Rasa helper's Stack (bot/tools/stack.py), with this
cluster's endpoints file (bot/endpoints.scaleout.yml) instead of the single-server one."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from tests.support.servers import REPO, PgCluster, RedisServer, rasa_stack

_stack = rasa_stack()
ENDPOINTS = REPO / "bot" / "endpoints.scaleout.yml"
REDIS_PASSWORD = "scaleout-lock-store"


class Node(_stack.Stack):  # type: ignore[misc,name-defined]
    """One case service, action server and Rasa server; shared databases come from outside."""

    def __init__(self, name: str, cases_url: str, tracker: dict[str, str], workdir: Path) -> None:
        super().__init__(workdir=workdir)
        self.name = name
        self.env["DATABASE_URL"] = cases_url
        self.endpoints = ENDPOINTS
        self.rasa_env = tracker

    def restart(self, process: str) -> None:
        self._stop(process)
        {"rasa": self.start_rasa, "actions": self.start_actions}[process]()

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"


class Cluster:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="scaleout-"))
        self.pg = PgCluster()
        self.redis = RedisServer(REDIS_PASSWORD)
        self.cases_url = self.pg.create_database("cases")
        self.tracker_url = self.pg.create_database("tracker")
        tracker = {
            "TRACKER_DB_HOST": "127.0.0.1",
            "TRACKER_DB_PORT": str(self.pg.port),
            "TRACKER_DB_NAME": self.tracker_url.rsplit("/", 1)[1],
            "TRACKER_DB_USER": "app",
            "TRACKER_DB_PASSWORD": "",
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(self.redis.port),
            "REDIS_PASSWORD": REDIS_PASSWORD,
        }
        self.nodes = [Node(n, self.cases_url, tracker, self.dir / n) for n in ("a", "b")]
        for node in self.nodes:
            node.dir.mkdir(parents=True)

    def start(self) -> Cluster:
        a, b = self.nodes
        a.setup_caseservice()  # migrates the shared database and makes the tokens once
        b.token, b.read_token = a.token, a.read_token
        for node in self.nodes:
            node.start_caseservice()
            node.start_actions()
        # One at a time: each Rasa server creates the tracker tables if they are missing.
        for node in self.nodes:
            node.start_rasa()
        return self

    def logs(self) -> dict[str, str]:
        return {
            f"{node.name}/{p.name}": p.read_text(errors="replace")
            for node in self.nodes
            for p in node.dir.glob("*.log")
        }

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()
        self.redis.stop()
        self.pg.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def any_node(cluster: Cluster) -> Any:
    return cluster.nodes[0]

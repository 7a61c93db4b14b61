"""The build explains itself (issue 14): `make help` lists every target with one line, and the
repository stands alone, so nothing reads from beside it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAKEFILES = [REPO / "Makefile", *sorted((REPO / "mk").glob("*.mk"))]


def phony_targets() -> set[str]:
    names: set[str] = set()
    for path in MAKEFILES:
        text = path.read_text(encoding="utf-8").replace("\\\n", " ")
        for line in re.findall(r"^\.PHONY:(.*)$", text, flags=re.M):
            names.update(line.split())
    return names


def test_make_help_lists_every_target_once_with_a_line_saying_what_it_does() -> None:
    out = subprocess.run(
        ["make", "--no-print-directory", "help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    listed = re.findall(r"^  (\S+) +\S.*$", out, flags=re.M)
    assert sorted(listed) == sorted(set(listed)), "a target is listed twice"
    assert phony_targets() - set(listed) == set(), "targets without a `## what it does`"


def test_every_mk_file_is_included_in_an_explicit_order() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    included = re.search(r"^include (.*)$", makefile, flags=re.M)
    assert included, "the Makefile includes mk/ files by name"
    names = included.group(1).split()
    assert sorted(names) == sorted(f"mk/{p.name}" for p in (REPO / "mk").glob("*.mk"))


def test_nothing_reads_from_beside_the_repository() -> None:
    places = ["tests", "triage", "bot", "scripts", "mk", ".ci", "actions", "caseservice", "bench"]
    pattern = re.compile(r"\.\./shared|parents\[3\]|/work/shared")
    found = []
    for top in places:
        for path in (REPO / top).rglob("*"):
            if path.suffix in {".py", ".sh", ".mk", ".yml", ".yaml", ""} and path.is_file():
                if path == Path(__file__) or "__pycache__" in path.parts:
                    continue
                try:
                    text = path.read_text(encoding="utf-8")
                except (UnicodeDecodeError, OSError):
                    continue
                found += [f"{path.relative_to(REPO)}" for _ in pattern.finditer(text)]
    for path in (REPO / "Makefile", REPO / "Procfile"):
        found += [path.name for _ in pattern.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_one_name_per_port() -> None:
    """CASESERVICE_PORT, ACTIONS_PORT, RASA_PORT, WEB_PORT: the retired spellings are gone."""
    retired = re.compile(r"\b(CASES_PORT|ACTION_PORT)\b")
    places = [REPO / "Makefile", REPO / "Procfile", *MAKEFILES[1:]]
    for top in ("scripts", "tests", "bot", "bench", "actions", "caseservice", "web"):
        places += [
            p
            for p in (REPO / top).rglob("*")
            if p.suffix in {".py", ".sh", ".yml", ".mk"} and "node_modules" not in p.parts
        ]
    found = [
        str(p.relative_to(REPO))
        for p in places
        if p != Path(__file__) and retired.search(p.read_text())
    ]
    assert found == []


# Still editing sys.path, to import a script that is not a package; its owner may move it.
SYS_PATH_LEFT = {"tests/nlu/test_training_data.py"}  # bot/tools/nlu_report.py (issue 11)


def test_tests_and_benchmarks_import_the_support_package_without_editing_sys_path() -> None:
    """One support package (tests/support/), imported by name: no sys.path edits."""
    edits = re.compile(r"sys\.path\.(insert|append)")
    found = [
        str(p.relative_to(REPO))
        for top in ("tests", "bench")
        for p in (REPO / top).rglob("*.py")
        if p != Path(__file__) and edits.search(p.read_text(encoding="utf-8"))
    ]
    assert set(found) <= SYS_PATH_LEFT, found


def test_make_run_shows_one_line_per_part_then_the_address_and_logs_everything(
    tmp_path: Path,
) -> None:
    """scripts/run_console.py, fed what honcho prints: the screen gets a line per part and the
    ready process's words; every line, warnings included, goes to the logs."""
    honcho = "\n".join(
        [
            "14:00:00 system  | cases.1 started (pid=1)",
            "14:00:00 system  | rasa.1 started (pid=2)",
            "14:00:00 system  | ready.1 started (pid=3)",
            "14:00:01 rasa.1  | /x/utils.py:1: DeprecationWarning: pkg_resources is deprecated",
            "14:00:02 cases.1 | INFO: Uvicorn running on http://127.0.0.1:8100",
            "14:00:30 ready.1 | all parts are up after 30 s.",
            "14:00:30 ready.1 | Open http://localhost:8080/ in your browser to chat.",
            "14:01:00 system  | SIGINT received",
            "14:01:00 system  | sending SIGTERM to cases.1 (pid 1)",
            "14:01:01 system  | cases.1 stopped (rc=-15)",
            "",
        ]
    )
    out = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "run_console.py"), str(tmp_path)],
        input=honcho,
        env={k: v for k, v in os.environ.items() if not k.endswith("_PORT")},  # the defaults
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    assert "Warning" not in out and "Uvicorn" not in out
    assert [line for line in out.splitlines() if "started" in line] == [
        "  started the case service   http://127.0.0.1:8100/docs",
        "  started the Rasa server    http://127.0.0.1:5005",
    ]
    assert "Open http://localhost:8080/ in your browser to chat." in out
    assert "DeprecationWarning" in (tmp_path / "rasa.log").read_text()
    assert "Uvicorn running" in (tmp_path / "cases.log").read_text()
    assert (tmp_path / "run.log").read_text().count("\n") == honcho.count("\n")

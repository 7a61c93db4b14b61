"""Every sentence the assistant says lives in actions/data/messages.yml (issue 12): a newcomer
changes any wording there alone. This reads the action server's source and fails on a string
that reads like something said to a person: a capitalised run of words, or words addressed to
"you". Docstrings, log lines, regular expressions, SQL and the outbox's command-line help are
not said to anyone, so they are left out."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ACTIONS = Path(__file__).resolve().parents[2] / "actions"
_CAPITALISED = re.compile(r"^\W*[A-Z][a-z']*(?: [A-Za-z',.?!:;—-]+){2,}")
_TO_YOU = re.compile(r"\b(?:you|your|I'll|I've|I'm|we'll)\b")
_PUNCTUATED = re.compile(r"[A-Z.?!:]")
# A regular expression kept in a list or a dict rather than passed straight to re.
_PATTERN = re.compile(r"\\b|\(\?|\|")
# Calls whose string arguments are patterns, logs, SQL or developer help, not speech.
_NOT_SAID = {
    "compile",
    "search",
    "match",
    "sub",
    "fullmatch",
    "findall",
    "finditer",
    "split",
    "debug",
    "info",
    "warning",
    "error",
    "exception",
    "critical",
    "add_argument",
    "ArgumentParser",
    "add_parser",
    "add_subparsers",
    "execute",
    "executemany",
    "executescript",
    "getenv",
    "_rx",
}


def _said(text: str) -> bool:
    words = text.split()
    if len(words) < 3 or _PATTERN.search(text):
        return False
    if _CAPITALISED.search(text):
        return True
    # Words addressed to the person; a long unpunctuated run is a word list (stop words).
    return bool(_TO_YOU.search(text)) and (bool(_PUNCTUATED.search(text)) or len(words) <= 12)


def _strings_said(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    quiet: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            quiet.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in _NOT_SAID:
                quiet.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Raise):
            quiet.update(id(n) for n in ast.walk(node))
    return [
        f"{path.name}:{node.lineno}: {node.value[:70]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in quiet
        and _said(node.value)
    ]


@pytest.mark.parametrize("path", sorted(ACTIONS.glob("*.py")), ids=lambda p: p.name)
def test_no_sentence_is_written_in_the_code(path: Path) -> None:
    assert _strings_said(path) == []


def test_the_check_finds_a_sentence_written_in_the_code(tmp_path: Path) -> None:
    # The scan itself could go blind; it must catch the kinds of string it exists for.
    module = tmp_path / "m.py"
    module.write_text(
        '"""A docstring, which is not said."""\n'
        "import logging, re\n"
        'logging.info("Filed a case for the person.")\n'
        'PATTERN = re.compile(r"Is It Mine yes")\n'
        'def f(name):\n    return f"Thank you, {name}. I\'ll pass it on."\n'
        'TIP = "so you can check it"\n'
    )
    found = _strings_said(module)
    assert len(found) == 2, found
    assert "pass it on" in found[0] + found[1] and "so you can" in found[0] + found[1]

"""Tools for writing a pack: run its scenarios (`triage test`) and check its contacts against
the source text (`triage lint`), from any folder, on a pack file that need not be installed.

A scenario gives the facts (the authority comes from the file) and `expect`, in which only the
keys given are checked: scalar fields exactly; `exclusions`, `suspensions`, `flags` as exact sets
of codes; `*_include` / `*_exclude` as subsets that must / must not appear;
`redirect_to_contains` as a case-insensitive substring of the exclusions' `redirect_to`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from .calendar import today_in_england
from .engine import assess
from .errors import PackError, TriageError
from .pack import CONTACT_DETAILS, Contact, Pack, _resolve_versions, load_pack, parse_pack

MIN_SCENARIOS = 25
SCALARS = ("procedure", "outcome", "stage", "stages_total")
SETS = {"exclusions": "code", "suspensions": "code", "signposts": "id"}
ALLOWED = frozenset(
    {
        *SCALARS,
        "time_limit",
        "deadlines",
        "exclusions",
        "suspensions",
        "flags",
        "redirect_to_contains",
        *(f"{k}_{m}" for k in (*SETS, "flags") for m in ("include", "exclude")),
    }
)


# -- loading a pack from a file or an id -----------------------------------------------------------
def _read_yaml_file(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PackError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise PackError(str(path), f"is not valid YAML: {exc}") from None


def pack_versions_from(spec: str) -> tuple[Pack, ...]:
    """Every version of a pack given as a file path (any folder, not installed) or an id."""
    path = Path(spec)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        name = path.name.removesuffix(".yaml").removesuffix(".yml")
        raw = _read_yaml_file(path)
        return tuple(parse_pack(v, name) for v in _resolve_versions(raw, name))
    return (load_pack(spec),)


def version_on(versions: tuple[Pack, ...], day: dt.date | None) -> Pack:
    """The version in force on `day` (as `load_pack` chooses it)."""
    chosen, when = versions[0], day or today_in_england()
    for v in versions[1:]:
        if v.effective_from is not None and v.effective_from <= when:
            chosen = v
    return chosen


def default_scenarios(spec: str, pack: Pack) -> Path:
    """`scenarios/<id>.yaml` beside the pack file, or the installed one for an id."""
    path = Path(spec)
    if path.is_file():
        return path.parent / "scenarios" / f"{pack.id}.yaml"
    return Path(__file__).resolve().parent / "packs" / "scenarios" / f"{pack.id}.yaml"


# -- scenarios ---------------------------------------------------------------------------------
def _codes(decision: dict[str, Any], key: str) -> set[str]:
    if key == "flags":
        return set(decision["flags"])
    return {item[SETS[key]] for item in decision[key]}


def mismatches(decision: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """Every way the decision differs from the expectation (empty when it matches)."""
    bad = [f"unknown expectation key {k!r}" for k in expect if k not in ALLOWED]
    for key in SCALARS:
        if key in expect and decision[key] != expect[key]:
            bad.append(f"{key}: got {decision[key]!r}, want {expect[key]!r}")
    for group in ("time_limit", "deadlines"):
        for key, want in (expect.get(group) or {}).items():
            got = decision[group][key]
            want = None if want is None else str(want)
            if got != want:
                bad.append(f"{group}.{key}: got {got!r}, want {want!r}")
    for key in (*SETS, "flags"):
        if key in expect and _codes(decision, key) != set(expect[key]):
            bad.append(f"{key}: got {sorted(_codes(decision, key))}, want {sorted(expect[key])}")
        for want in expect.get(f"{key}_include", []):
            if want not in _codes(decision, key):
                bad.append(f"{key}: missing {want!r} (got {sorted(_codes(decision, key))})")
        for unwanted in expect.get(f"{key}_exclude", []):
            if unwanted in _codes(decision, key):
                bad.append(f"{key}: must not include {unwanted!r}")
    if "redirect_to_contains" in expect:
        targets = " | ".join(e["redirect_to"] or "" for e in decision["exclusions"])
        if expect["redirect_to_contains"].lower() not in targets.lower():
            bad.append(f"redirect_to: {targets!r} lacks {expect['redirect_to_contains']!r}")
    return bad


@dataclass
class ScenarioResult:
    name: str
    problems: list[str]


@dataclass
class TestReport:
    pack_id: str
    scenarios_file: Path
    results: list[ScenarioResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[ScenarioResult]:
        return [r for r in self.results if r.problems]

    @property
    def ok(self) -> bool:
        return not self.failed and len(self.results) >= MIN_SCENARIOS

    def lines(self) -> list[str]:
        out = []
        for r in self.failed:
            out.append(f"FAIL {r.name}")
            out.extend(f"     {p}" for p in r.problems)
        out.extend(f"warning: {w}" for w in self.warnings)
        passed = len(self.results) - len(self.failed)
        out.append(
            f"{self.pack_id}: {passed}/{len(self.results)} scenarios pass ({self.scenarios_file})"
        )
        if len(self.results) < MIN_SCENARIOS:
            out.append(f"{self.pack_id}: needs at least {MIN_SCENARIOS} scenarios")
        return out


def run_scenarios(versions: tuple[Pack, ...], scenarios_file: Path) -> TestReport:
    """Runs every scenario in the file against the pack version in force on its `received`."""
    pack_id = versions[0].id
    doc = _read_yaml_file(scenarios_file)
    if not isinstance(doc, dict) or not isinstance(doc.get("scenarios"), list):
        raise PackError(str(scenarios_file), "needs `authority:` and a list of `scenarios:`")
    report = TestReport(pack_id, scenarios_file)
    if doc.get("authority") != pack_id:
        report.warnings.append(
            f"the scenarios are for {doc.get('authority')!r}, the pack is {pack_id!r}"
        )
    for i, sc in enumerate(doc["scenarios"]):
        name = str(sc.get("name") or f"scenario {i}") if isinstance(sc, dict) else f"scenario {i}"
        if not isinstance(sc, dict) or not isinstance(sc.get("facts"), dict):
            report.results.append(ScenarioResult(name, ["needs `facts:` (a mapping)"]))
            continue
        problems = [] if sc.get("ref") else ["cites no section (`ref:`)"]
        facts = {**sc["facts"], "authority": pack_id}
        try:
            received = facts.get("received")
            day = dt.date.fromisoformat(str(received)) if received else None
        except ValueError:
            day = None  # assess reports the bad date, naming the field
        try:
            decision = assess(facts, pack=version_on(versions, day)).to_dict()
            problems += mismatches(decision, sc.get("expect") or {})
        except TriageError as exc:
            problems.append(f"bad facts: {exc.field}: {exc.message}")
        report.results.append(ScenarioResult(name, problems))
    return report


# -- contacts against the source text ------------------------------------------------------------
HEADER_END = "# ----- document -----\n"
SOURCES = Path(__file__).resolve().parent / "packs" / "sources"


def read_source(path: Path) -> str:
    """A source document's text: the repository's copies (`packs/sources/<id>.txt`) open with a
    header saying where the text came from, ended by `HEADER_END`; that header is not the
    document, so it is left out. A file without the header is returned whole."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition(HEADER_END)
    return body if sep and all(line.startswith("#") for line in head.splitlines()) else text


def source_path(pack: Pack) -> Path:
    """The repository's copy of the document a pack was encoded from."""
    return SOURCES / pack.source


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _squash(s: str) -> str:
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s+", " ", s)).strip().lower()


def _phone_key(s: str) -> str:
    digits = _digits(s)
    return "0" + digits[2:] if s.lstrip().startswith("+44") else digits


def phone_numbers(text: str) -> set[str]:
    """Every number the text could be giving as a phone number: within each run of digit groups
    separated only by spaces, hyphens or brackets on one line, the digits of every contiguous
    stretch of whole groups ("call 0300 061 0614 or" gives 0300, 0300061, 03000610614, 061, ...).
    A number matches only as whole groups, so 999 is not found inside 01999 or a 9 in 9.5."""
    numbers: set[str] = set()
    for run in re.finditer(r"\+?\d+(?:[ \t\u00a0\-]*\(?\d+\)?)*", text):
        groups = re.findall(r"\d+", run.group())
        if run.group().startswith("+44") and groups:
            groups[0] = "0"  # +44 1952 ... is 01952 ...
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                numbers.add("".join(groups[i:j]))
    return numbers


def _emails(text: str) -> set[str]:
    return {e.lower().rstrip(".") for e in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)}


def _url_key(url: str) -> str:
    """A web address without scheme, `www.`, case or a trailing slash or full stop."""
    url = url.strip().rstrip(".,;:)").rstrip("/")
    parts = urlparse(url if "://" in url else f"//{url}")
    host = parts.netloc.lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}".lower()


def web_addresses(text: str) -> set[str]:
    """Every web address in the text (with or without a scheme), keyed by `_url_key`; an email
    address is not read as a web address."""
    found = re.findall(
        r"(?<![@\w.-])(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/[^\s<>()\[\]\"']*)?", text
    )
    return {_url_key(u) for u in found if "@" not in u}


@dataclass
class LintFinding:
    contact: str
    field: str
    value: str
    found: bool
    note: str | None
    source_text: str | None = None  # the document's form, where the entry corrects it


class SourceIndex:
    """The contact details a source text gives, found once, checked many times."""

    def __init__(self, source_text: str) -> None:
        self.phones = phone_numbers(source_text)
        self.emails = _emails(source_text)
        self.urls = web_addresses(source_text)
        self.text = _squash(source_text)

    def has(self, field: str, value: str) -> bool:
        if field == "phone":
            return _phone_key(value) in self.phones
        if field == "email":
            return value.strip().lower() in self.emails
        if field == "url":
            return _url_key(value) in self.urls
        return _squash(value) in self.text  # a postal address, as written (spacing aside)


def lint_contacts(pack: Pack, source_text: str) -> list[LintFinding]:
    """Each phone number, email, web address (with its path) and postal address of the pack's
    own contacts, and whether the document gives it: phone numbers as numbers in the text,
    emails and web addresses as whole addresses, postal addresses as written. Where the entry
    corrects the document, its `source_text` form is what must be in the document."""
    index = SourceIndex(source_text)
    contacts: list[Contact] = [
        *pack.directory,
        *(c for c in pack.contacts.values() if isinstance(c, Contact)),
    ]
    out: list[LintFinding] = []
    for c in contacts:
        for detail in CONTACT_DETAILS:
            value = getattr(c, detail)
            if not value:
                continue
            original = c.source_text.get(detail) if c.source_text else None
            found = index.has(detail, original or value)
            out.append(LintFinding(c.id, detail, value, found, c.note, original))
    return out


def lint_lines(pack: Pack, findings: list[LintFinding], source: str) -> tuple[list[str], bool]:
    """Report lines, and whether every contact detail was found. A detail the entry corrects
    passes when the document's form (`source_text`) is in the source; it is listed as
    CORRECTED with the note, for a person to check. A note alone never excuses a detail."""
    lines, ok = [], True
    for f in findings:
        if not f.found:
            ok = False
            shown = f.value + (f" (the document has {f.source_text})" if f.source_text else "")
            lines.append(f"MISSING  {f.contact}.{f.field}: {shown} is not in {source}")
        elif f.source_text:
            lines.append(
                f"CORRECTED {f.contact}.{f.field}: {f.value}; {source} has {f.source_text}"
            )
            lines.append(f"         the pack's note: {' '.join((f.note or '').split())}")
        else:
            lines.append(f"ok       {f.contact}.{f.field}: {f.value}")
    checked = len(findings)
    lines.append(
        f"{pack.id}: {checked - sum(not f.found for f in findings)}/{checked} contact details "
        f"found in {source}"
    )
    return lines, ok

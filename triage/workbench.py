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

from .engine import assess
from .errors import PackError, TriageError
from .pack import Contact, Pack, _resolve_versions, load_pack, parse_pack

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
    chosen, when = versions[0], day or dt.date.today()
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
def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _url_key(url: str) -> str:
    parts = urlparse(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".lower()


@dataclass
class LintFinding:
    contact: str
    field: str
    value: str
    found: bool
    note: str | None


def lint_contacts(pack: Pack, source_text: str) -> list[LintFinding]:
    """Each phone number, email, web address and postal address of the pack's own contacts,
    and whether it appears in the source text (phone numbers by their digits, addresses line by
    line, web addresses without the scheme or `www.`)."""
    digits, text = _digits(source_text), _squash(source_text)
    urls = {_url_key(u) for u in re.findall(r"https?://\S+", source_text)}
    contacts: list[Contact] = [
        *pack.directory,
        *(c for c in pack.contacts.values() if isinstance(c, Contact)),
    ]
    out: list[LintFinding] = []
    for c in contacts:
        if c.phone:
            out.append(LintFinding(c.id, "phone", c.phone, _digits(c.phone) in digits, c.note))
        if c.email:
            out.append(LintFinding(c.id, "email", c.email, c.email.lower() in text, c.note))
        if c.url:
            key = _url_key(c.url)
            found = key in urls or key in text.replace("https://", "").replace("http://", "")
            out.append(LintFinding(c.id, "url", c.url, found, c.note))
        if c.address:
            parts = [p for p in (_squash(x) for x in c.address.split(",")) if p]
            found = all(p in text for p in parts)
            out.append(LintFinding(c.id, "address", c.address, found, c.note))
    return out


def lint_lines(pack: Pack, findings: list[LintFinding], source: str) -> tuple[list[str], bool]:
    """Report lines, and whether every contact detail was found. A detail the source spells
    differently passes only if the contact's `note` says why (e.g. a scanning error corrected);
    it is still listed, with the note, for a person to check."""
    lines, ok = [], True
    for f in findings:
        if f.found:
            lines.append(f"ok       {f.contact}.{f.field}: {f.value}")
        elif f.note:
            lines.append(f"NOTED    {f.contact}.{f.field}: {f.value} is not in {source}")
            lines.append(f"         the pack's note: {_squash(f.note)}")
        else:
            ok = False
            lines.append(f"MISSING  {f.contact}.{f.field}: {f.value} is not in {source}")
    checked = len(findings)
    lines.append(
        f"{pack.id}: {checked - sum(not f.found for f in findings)}/{checked} contact details "
        f"found in {source}"
    )
    return lines, ok

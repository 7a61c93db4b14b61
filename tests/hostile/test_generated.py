"""Generated input (Hypothesis) through the live case service, and a schemathesis run of its
whole API. `make test` runs a few examples; `make test-long` sets PROVE_EXAMPLES high."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.faults.filing import case_body
from tests.schemathesis_run import run_schemathesis

EXAMPLES = int(os.environ.get("PROVE_EXAMPLES", "40"))
# Any Unicode a browser can send (no lone surrogates, which UTF-8 cannot carry).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

Api = tuple[httpx.Client, dict[str, str], str]


def _post(service: Api, body: dict[str, Any]) -> httpx.Response:
    client, auth, _ = service
    return client.post(
        "/v1/cases",
        content=json.dumps(body).encode(),
        headers={**auth, "Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex},
    )


@SETTINGS
@given(narrative=TEXT, outcome=TEXT, name=TEXT.filter(lambda s: len(s) >= 1))
def test_any_text_is_stored_exactly_or_refused_by_field(
    api: Api,
    narrative: str,
    outcome: str,
    name: str,
) -> None:
    body = case_body(7)
    body["narrative"], body["desired_outcome"] = narrative, outcome
    body["contact"]["name"] = name
    r = _post(api, body)
    if r.status_code == 422:
        field = r.json()["error"]["field"]
        assert field in ("narrative", "desired_outcome", "contact.name", "contact"), r.text
        assert "\x00" in {"narrative": narrative, "desired_outcome": outcome}.get(field, name), (
            r.text
        )
        return
    assert r.status_code == 201, (r.status_code, r.text[:300])
    client, auth, _ = api
    case = client.get(f"/v1/cases/{r.json()['reference']}", headers=auth).json()
    assert (case["narrative"], case["desired_outcome"], case["contact"]["name"]) == (
        narrative,
        outcome,
        name,
    )


@SETTINGS
@given(
    facts=st.dictionaries(
        st.sampled_from(
            [
                "kind",
                "service",
                "received",
                "incident_date",
                "authority",
                "complainant",
                "circumstances",
            ]
        ),
        st.one_of(
            TEXT,
            st.integers(),
            st.none(),
            st.lists(TEXT, max_size=3),
            st.dictionaries(TEXT, TEXT, max_size=2),
        ),
        max_size=7,
    )
)
def test_generated_facts_never_give_a_server_error(api: Api, facts: dict[str, Any]) -> None:
    body = case_body(8)
    body["facts"] = {**body["facts"], **facts}
    r = _post(api, body)
    assert r.status_code in (201, 422), (r.status_code, r.text[:300])
    if r.status_code == 422:
        error = r.json()["error"]
        assert error["field"] and error["message"], r.text


def test_schemathesis_whole_api(api: Api, tmp_path: Path) -> None:
    client, auth, reference = api
    result = run_schemathesis(
        str(client.base_url),
        authorization=auth["Authorization"],
        reference=reference,
        max_examples=max(10, EXAMPLES // 2),
        workdir=tmp_path,
        timeout=3000,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]

"""One way to run schemathesis against a live case service, shared by the case service's own
tests (a bounded run) and the hostile-input tests (longer under `make test-long`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def run_schemathesis(
    base_url: str,
    *,
    authorization: str,
    reference: str,
    max_examples: int,
    workdir: Path,
    seed: int | None = None,
    timeout: float = 900,
) -> subprocess.CompletedProcess[str]:
    """Every operation of the OpenAPI document, checked for server errors (no 5xx)."""
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis (st) is not installed in this venv"
    # `reference` names a real case, so per-case operations reach their logic, not a 404.
    config = workdir / "schemathesis.toml"
    config.write_text(f'[parameters]\n"path.reference" = "{reference}"\n')
    args = [
        st,
        "--config-file",
        str(config),
        "run",
        f"{base_url}/openapi.json",
        "--checks",
        "not_a_server_error",
        "--max-examples",
        str(max_examples),
        *(["--seed", str(seed)] if seed is not None else []),
        "--phases",
        "examples,coverage,fuzzing",
        "--request-timeout",
        "20",
        "--generation-database",
        "none",
        "--header",
        f"Authorization: {authorization}",
        "--no-color",
    ]
    return subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, cwd=workdir, check=False
    )

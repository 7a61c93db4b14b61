#!/usr/bin/env bash
# Placeholder until the assistant is wired up: shows the policy packs the engine knows.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/triage authorities

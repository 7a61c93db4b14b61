#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter: rasa 3.6.21 supports nothing newer.
# Looks in $PYTHON310, then pyenv, then the PATH; fails with a message saying what to install.
set -euo pipefail
ok() { [ -x "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }
if [ -n "${PYTHON310:-}" ] && ok "$PYTHON310"; then echo "$PYTHON310"; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -t. -k3 -n -r); do
    p="$(pyenv root)/versions/$v/bin/python3.10"
    if ok "$p"; then echo "$p"; exit 0; fi
  done
fi
for p in python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
  q=$(command -v "$p" 2>/dev/null || true)
  if [ -n "$q" ] && ok "$q"; then echo "$q"; exit 0; fi
done
echo "error: Python 3.10 not found. Rasa 3.6.21 needs exactly Python 3.10." >&2
echo "       Install it (for example 'pyenv install 3.10.13') or set PYTHON310=/path/to/python3.10." >&2
exit 1

#!/usr/bin/env bash
# The test suite on the newest versions that the ranges of pyproject.toml allow, in a virtual
# environment of its own (.venv-newest), rebuilt on every run. `make test` installs the lock
# (requirements/dev.txt); this run shows whether a release published since the lock breaks the
# library for a user who installs it today. A failure here fails the build, and its first lines
# name every package whose version differs from the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=.venv-newest

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
install() {
  if ! "$VENV/bin/python" -m pip install --quiet --upgrade "$@" >"$VENV/pip.log" 2>&1; then
    cat "$VENV/pip.log"
    exit 1
  fi
}
install "pip>=25.1"
install -e ".[all]" --group dev

echo "Newest versions that differ from the lock (requirements/dev.txt):"
"$VENV/bin/python" - <<'PY'
import re
from importlib import metadata
from pathlib import Path

locked = {}
for line in Path("requirements/dev.txt").read_text("utf-8").splitlines():
    found = re.match(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", line)
    if found:
        locked.setdefault(found[1].lower().replace("_", "-"), set()).add(found[2])
newer = []
for dist in metadata.distributions():
    name = dist.metadata["Name"].lower().replace("_", "-")
    if name in locked and dist.version not in locked[name]:
        newer.append(f"  {name} {dist.version} (locked: {', '.join(sorted(locked[name]))})")
print("\n".join(sorted(newer)) or "  none: the lock is the newest")
PY
exec "$VENV/bin/python" -m pytest -n auto --dist loadfile -q -p no:cacheprovider

#!/usr/bin/env bash
# Build the sdist and the wheel, check them with twine, and install the wheel alone (no extras)
# into a clean virtual environment: it imports, counts the bundled example, and its
# `banenafspraak` script prints the pip command of the `cli` extra. Network: the package
# registry only (attrs and pendulum for the clean environment).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON_DEV=${PYTHON_DEV:-.venv/bin/python}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== build the sdist and the wheel"
"$PYTHON_DEV" -m build --no-isolation --sdist --wheel --outdir "$WORK/dist" . >"$WORK/build.log"
ls "$WORK/dist"

echo "== twine check"
"$PYTHON_DEV" -m twine check --strict "$WORK"/dist/*

echo "== the licence, the data and the type marker are in both"
"$PYTHON_DEV" - "$WORK/dist" <<'PY'
import sys
import tarfile
import zipfile
from pathlib import Path

dist = Path(sys.argv[1])
(wheel,) = dist.glob("*.whl")
(sdist,) = dist.glob("*.tar.gz")
names = zipfile.ZipFile(wheel).namelist()
for wanted in ("/licenses/LICENSE", "banenafspraak/py.typed", "banenafspraak/data/example.json"):
    assert any(n.endswith(wanted) for n in names), f"{wheel.name} lacks {wanted}"
entry = next(n for n in names if n.endswith("entry_points.txt"))
assert "banenafspraak._launcher:main" in zipfile.ZipFile(wheel).read(entry).decode()
members = tarfile.open(sdist).getnames()
assert any(m.endswith("/LICENSE") for m in members), f"{sdist.name} lacks LICENSE"
print("ok:", wheel.name, sdist.name)
PY

echo "== the wheel alone, in a clean virtual environment"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WORK"/dist/*.whl 2>&1 | grep -v "^WARNING: Location" || true
"$WORK/venv/bin/python" -c "import banenafspraak" # fails loudly if the install failed
cd "$WORK"
"$WORK/venv/bin/python" - <<'PY'
import importlib.util
import json

from banenafspraak import count_jobs
from banenafspraak.demo import example_scenario

for extra_module in ("typer", "cattrs", "polars", "pyarrow", "pandas", "matplotlib"):
    assert importlib.util.find_spec(extra_module) is None, f"{extra_module} came without an extra"
count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
assert count.input_hours == count.counted_hours + count.excluded_hours
json.loads(count.to_json())
print("ok:", repr(count))
PY
set +e
"$WORK/venv/bin/banenafspraak" rules >"$WORK/out.txt" 2>"$WORK/err.txt"
code=$?
set -e
cat "$WORK/err.txt"
if [ "$code" -ne 1 ] || ! grep -q "pip install 'banenafspraak\[cli\]'" "$WORK/err.txt"; then
  echo "the script without the cli extra should print the pip command and exit 1 (got $code)" >&2
  exit 1
fi
echo "ok: the script names the cli extra"

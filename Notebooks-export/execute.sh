#!/usr/bin/env bash
# Executes the shipped notebooks, unchanged, against freshly generated small results (50 runs
# of tier3 and baseline, and the sweep fixture), plus the sweep notebook on a folder without
# sensitivity.csv/tornado.csv; fails if any cell raises. Installs Debian's Jupyter, pandas and
# matplotlib if missing. Run after a build (make test builds .build/debug/policysim).
#   usage: Notebooks-export/execute.sh [path/to/policysim]
#   EXECUTED_DIR=folder keeps the executed notebooks (with their plots) there.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

packages=(python3-pandas python3-matplotlib python3-ipykernel jupyter-nbconvert)
installed=$(dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c "install ok installed" || true)
if [ "$installed" != "${#packages[@]}" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${packages[*]}..."
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

policysim=${1:-.build/debug/policysim}
[ -x "$policysim" ] || swift build --product policysim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The shipped notebooks read ../results/<name> from their own folder: recreate that layout.
executed=${EXECUTED_DIR:-$work/executed}
mkdir -p "$work/Notebooks-export" "$work/results" "$executed"
cp Notebooks-export/*.ipynb "$work/Notebooks-export/"
"$policysim" run Scenarios/tier3.json --runs 50 --out "$work/results/tier3" --quiet
"$policysim" run Scenarios/baseline.json --runs 50 --out "$work/results/baseline" --quiet
cp -r Notebooks-export/fixtures/sweep "$work/results/sweep"
cp -r Notebooks-export/fixtures/sweep "$work/results/sweep-unanalysed"
rm "$work/results/sweep-unanalysed/sensitivity.csv" "$work/results/sweep-unanalysed/tornado.csv"
"$policysim" export-notebook "$work/results/sweep-unanalysed" --out "$work/Notebooks-export/sweep-unanalysed.ipynb" >/dev/null

passed=0 failed=0
for notebook in "$work"/Notebooks-export/*.ipynb; do
  name=$(basename "$notebook")
  # Debian's Jupyter and kernel run on /usr/bin/python3, whatever python3 is first on PATH.
  if /usr/bin/python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
       --output-dir "$executed" "$notebook" >"$work/$name.log" 2>&1; then
    echo "notebook $name: ok"
    passed=$((passed + 1))
  else
    echo "notebook $name: FAILED"
    tail -n 30 "$work/$name.log"
    failed=$((failed + 1))
  fi
done
echo "Executed notebooks in $(( $(date +%s) - started )) s"
echo "notebooks: $passed passed, $failed failed"
[ "$failed" = 0 ]

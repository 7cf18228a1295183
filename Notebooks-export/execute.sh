#!/usr/bin/env bash
# Executes the shipped notebooks, unchanged, against freshly generated small results (50 runs
# of tier3, with a scenario discovery, and of baseline; their comparison; a small Saltelli sweep
# of tier3, analysed), plus the run notebook without a discovery, the compare notebook on runs
# only and on effects only, and the sweep notebook on a grid sweep (tornado only) and on an
# unanalysed sweep; fails if any cell raises. Installs Debian's Jupyter, pandas and
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
"$policysim" discover "$work/results/tier3" --where 'capacity_h100e_end > 2500000' >/dev/null
"$policysim" compare Scenarios/baseline.json Scenarios/tier3.json --runs 50 --out "$work/results/effects-vs-baseline" --quiet
"$policysim" export-notebook "$work/results/baseline" --out "$work/Notebooks-export/run-without-discovery.ipynb" >/dev/null
"$policysim" export-notebook "$work/results/tier3" "$work/results/baseline" --out "$work/Notebooks-export/compare-runs-only.ipynb" >/dev/null
"$policysim" export-notebook "$work/results/effects-vs-baseline" --out "$work/Notebooks-export/compare-effects-only.ipynb" >/dev/null
# A small Saltelli sweep (8 x (4 + 2) points, 5 runs each) for the Sobol bar chart, a grid for the
# tornado table, and the grid again unanalysed.
sed 's/"points": 256/"points": 8/' Scenarios/sweeps/sobol-indices.json >"$work/saltelli.json"
"$policysim" sweep Scenarios/tier3.json --spec "$work/saltelli.json" --runs 5 --out "$work/results/sweep" --quiet
"$policysim" analyze "$work/results/sweep" --metric capacity_h100e --date 2027-12-31 --resamples 100 >/dev/null
"$policysim" sweep Scenarios/tier3.json --spec Scenarios/sweeps/seizure-by-wafers.json --runs 5 --out "$work/results/sweep-grid" --quiet
cp -r "$work/results/sweep-grid" "$work/results/sweep-unanalysed"
"$policysim" analyze "$work/results/sweep-grid" --metric capacity_h100e --date 2027-12-31 >/dev/null
"$policysim" export-notebook "$work/results/sweep-grid" --out "$work/Notebooks-export/sweep-grid.ipynb" >/dev/null
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

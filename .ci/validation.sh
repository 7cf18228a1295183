#!/usr/bin/env bash
# CI step: runs the hindcast at a modest run count, scores it against Validation/targets.json and
# conditions it, then checks that every output is well-formed (columns, row counts, every target
# present with a verdict, ordered quantiles, weights summing to 1). It does not check that the
# model hits the targets. Uses the debug binary `make test` built; installs python3 if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-minimal
fi

bin=${POLICYSIM_BINARY:-.build/debug/policysim}
runs=200
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bin" run Scenarios/hindcast-2024.json --runs "$runs" --per-run --out "$out/run" --quiet
"$bin" score "$out/run" --targets Validation/targets.json > "$out/score.txt"
"$bin" condition "$out/run" --targets Validation/targets.json --metric capacity_h100e > "$out/condition.txt" 2> "$out/condition.err"
python3 .ci/check_validation.py "$out" "$runs"

"""Recompute a `policysim compare` effects.csv with pandas from separate `policysim run --per-run`
folders, and check that every row matches.

usage: python3 effects_from_runs.py EFFECTS_CSV REFERENCE_FOLDER SCENARIO_FOLDER...

For each scenario folder, the paired difference scenario - reference of every run, date and metric
is taken from the two runs.csv files (read with round-trip float parsing, as policysim reads
them; a difference within 1e-9 of the larger value's magnitude counts as zero, as in policysim); pandas' mean, std (ddof 1), quantile (linear, the default:
type 7) and the share of differences below zero are compared with effects.csv. A value matches when
it is within 1e-9 of the largest absolute difference in its cell: the last bits may differ, since
pandas sums pairwise and its grouped std is one-pass where policysim sums in run order, and NumPy
interpolates from the upper order statistic above the median. Every (scenario, date, metric) must
be present exactly once. Prints the number of rows checked; exits 1
and lists the mismatches otherwise.
"""
import json
import sys
from pathlib import Path

import pandas as pd


def scenario_name(folder):
    return json.loads((Path(folder) / "manifest.json").read_text())["scenarioName"]


def main(effects_file, reference_folder, *scenario_folders):
    effects = pd.read_csv(effects_file, float_precision="round_trip")
    reference = pd.read_csv(Path(reference_folder) / "runs.csv", float_precision="round_trip")
    reference_name = scenario_name(reference_folder)
    problems, checked = [], 0
    for folder in scenario_folders:
        name = scenario_name(folder)
        runs = pd.read_csv(Path(folder) / "runs.csv", float_precision="round_trip")
        paired = runs.merge(reference, on=["run", "date", "metric"], suffixes=("", "_reference"))
        difference = paired["value"] - paired["value_reference"]
        magnitude = paired[["value", "value_reference"]].abs().max(axis=1)
        paired["difference"] = difference.where(difference.abs() > 1e-9 * magnitude, 0.0)
        cells = paired.groupby(["date", "metric"])["difference"]
        expected = pd.DataFrame({
            "mean": cells.mean(), "sd": cells.std(),
            "p05": cells.quantile(0.05), "p25": cells.quantile(0.25), "p50": cells.quantile(0.5),
            "p75": cells.quantile(0.75), "p95": cells.quantile(0.95),
            "share_negative": cells.apply(lambda d: (d < 0).mean()),
        })
        scale = cells.apply(lambda d: d.abs().max()).clip(lower=1.0)
        rows = effects[(effects["scenario"] == name) & (effects["reference"] == reference_name)]
        actual = rows.set_index(["date", "metric"])
        if actual.index.duplicated().any() or set(actual.index) != set(expected.index):
            problems.append(f"{name}: effects.csv has {len(actual)} rows for {len(expected)} (date, metric) cells")
            continue
        actual = actual.loc[expected.index]
        for column in expected.columns:
            off = (actual[column] - expected[column]).abs() > 1e-9 * scale
            for (date, metric) in expected.index[off]:
                problems.append(f"{name} {date} {metric} {column}: effects.csv {actual.at[(date, metric), column]!r}, pandas {expected.at[(date, metric), column]!r}")
        checked += len(expected)
    if len(effects) != checked and not problems:
        problems.append(f"effects.csv has {len(effects)} rows, {checked} expected")
    for problem in problems[:20]:
        print(problem)
    print(f"{checked} rows checked, {len(problems)} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

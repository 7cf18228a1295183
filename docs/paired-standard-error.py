"""How much pairing replications shrinks the standard error of a policy effect.

Usage (from the repository root, after `swift build -c release --product policysim`):
    python3 docs/paired-standard-error.py [POLICYSIM] [--runs 1000] [--repeats 40] [--repeat-runs 250]

The effect is tier3 - baseline in capacity_h100e at 2027-12-31 (change SCENARIO, REFERENCE,
METRIC, DATE below). It is measured twice:

1. From one comparison of RUNS paired replications (seed 20250101, baseline's): the paired
   standard error sd(differences) / sqrt(n) from effects.csv, and the unpaired one,
   sqrt(sd_scenario^2 + sd_reference^2) / sqrt(n), from each scenario's own summary.csv: what
   the same runs would give had the two scenarios been run with independent random numbers;
   also their ratio at every year end.
2. Directly, by repeating the experiment REPEATS times with REPEAT_RUNS runs each: the spread
   across repeats of the paired estimate (both scenarios on seed k) and of the unpaired one
   (the scenario on seed k, the reference on seed 1000 + k).
Uses only the standard library.
"""
import csv
import math
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SCENARIO, REFERENCE, METRIC, DATE = "tier3", "baseline", "capacity_h100e", "2027-12-31"


def option(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def policysim(*arguments):
    subprocess.run([BINARY, *arguments, "--quiet"], check=True)


def cell(file, **key):
    """The row of a CSV file matching the key columns."""
    with open(file, newline="") as handle:
        return next(row for row in csv.DictReader(handle) if all(row[k] == v for k, v in key.items()))


def mean_and_sd(folder, date=DATE):
    row = cell(Path(folder) / "summary.csv", date=date, metric=METRIC)
    return float(row["mean"]), float(row["sd"])


BINARY = next((a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()), ".build/release/policysim")
RUNS, REPEATS, REPEAT_RUNS = option("--runs", 1000), option("--repeats", 40), option("--repeat-runs", 250)
scenarios = {name: f"Scenarios/{name}.json" for name in (REFERENCE, SCENARIO)}

with tempfile.TemporaryDirectory() as work:
    work = Path(work)
    seed = "20250101"
    policysim("compare", scenarios[REFERENCE], scenarios[SCENARIO], "--runs", str(RUNS), "--seed", seed, "--out", str(work / "compare"))
    for name, file in scenarios.items():
        policysim("run", file, "--runs", str(RUNS), "--seed", seed, "--out", str(work / name))
    effect = cell(work / "compare" / "effects.csv", scenario=SCENARIO, date=DATE, metric=METRIC)
    sd_paired = float(effect["sd"])
    (_, sd_scenario), (_, sd_reference) = mean_and_sd(work / SCENARIO), mean_and_sd(work / REFERENCE)
    paired = sd_paired / math.sqrt(RUNS)
    unpaired = math.sqrt(sd_scenario**2 + sd_reference**2) / math.sqrt(RUNS)
    print(f"{SCENARIO} - {REFERENCE}, {METRIC} at {DATE}, {RUNS} runs, seed {seed}: mean effect {float(effect['mean']):,.0f}")
    print(f"  sd {SCENARIO} {sd_scenario:,.0f}, sd {REFERENCE} {sd_reference:,.0f}, sd of the paired differences {sd_paired:,.0f}")
    print(f"  standard error paired {paired:,.0f}, unpaired {unpaired:,.0f}: {unpaired / paired:.2f}x smaller, "
          f"as many runs as {(unpaired / paired) ** 2:.1f}x as many unpaired")
    with open(work / "compare" / "effects.csv", newline="") as handle:
        year_ends = [row for row in csv.DictReader(handle) if row["scenario"] == SCENARIO and row["metric"] == METRIC and row["date"].endswith("-12-31")]
    ratios = []
    for row in year_ends:
        sds = [mean_and_sd(work / name, row["date"])[1] for name in (SCENARIO, REFERENCE)]
        ratios.append(f"{row['date'][:4]} {math.hypot(*sds) / float(row['sd']):.2f}x")
    print("  unpaired / paired standard error at each year end: " + ", ".join(ratios))

    estimates = {"paired": [], "unpaired": []}
    for k in range(REPEATS):
        for name, seed_k in ((SCENARIO, k + 1), (REFERENCE, k + 1), (REFERENCE + "-other", 1000 + k + 1)):
            file = scenarios[name.removesuffix("-other")]
            policysim("run", file, "--runs", str(REPEAT_RUNS), "--seed", str(seed_k), "--out", str(work / f"{name}-{k}"))
        scenario_mean = mean_and_sd(work / f"{SCENARIO}-{k}")[0]
        estimates["paired"].append(scenario_mean - mean_and_sd(work / f"{REFERENCE}-{k}")[0])
        estimates["unpaired"].append(scenario_mean - mean_and_sd(work / f"{REFERENCE}-other-{k}")[0])
    spread = {kind: statistics.stdev(values) for kind, values in estimates.items()}
    print(f"  repeated {REPEATS} times with {REPEAT_RUNS} runs: sd of the estimate paired {spread['paired']:,.0f} "
          f"(formula {sd_paired / math.sqrt(REPEAT_RUNS):,.0f}), unpaired {spread['unpaired']:,.0f} "
          f"(formula {math.sqrt(sd_scenario**2 + sd_reference**2) / math.sqrt(REPEAT_RUNS):,.0f})")

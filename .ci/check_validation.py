"""Checks the outputs of .ci/validation.sh are well-formed: python3 check_validation.py DIR RUNS."""
import csv, json, math, re, sys
import xml.etree.ElementTree as ElementTree

folder, runs = sys.argv[1], int(sys.argv[2])
run = folder + "/run"
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def rows(name):
    with open(f"{run}/{name}", newline="") as file:
        return list(csv.reader(file))


def ordered(values, label):
    numbers = [float(value) for value in values]
    check(all(math.isfinite(n) for n in numbers), f"{label}: non-finite value in {values}")
    check(numbers == sorted(numbers), f"{label}: quantiles out of order {values}")


ids = [target["id"] for target in json.load(open("Validation/targets.json"))["targets"]]
compared = {"inside 50%", "inside 90%", "outside"}
verdicts = compared | {"not covered", "not in results", "not modelled"}

score = rows("score.csv")
check(score[0] == ["scenario", "id", "measures", "input", "calibrates", "metric", "window", "unit", "published_low",
                   "published_central", "published_high", "p05", "p25", "p50", "p75", "p95", "percentile", "verdict", "detail"],
      f"score.csv header: {score[0]}")
check([row[1] for row in score[1:]] == ids, "score.csv: one row per target, in the targets file's order")
for row in score[1:]:
    check(len(row) == 19 and row[17] in verdicts, f"score.csv {row[1]}: verdict {row[17:18]}")
    if row[17] in compared:
        ordered(row[11:16], f"score.csv {row[1]}")
        check(0 <= float(row[16]) <= 100, f"score.csv {row[1]}: percentile {row[16]}")
    else:
        check(row[11:17] == [""] * 6 and row[18] != "", f"score.csv {row[1]}: no statistics, and a reason")
independent = [row for row in score[1:] if row[3] == "false" and row[17] in compared]
inside = [row for row in independent if row[17] != "outside"]
lines = open(f"{folder}/score.txt").read().splitlines()
check(all(len(line) <= 100 for line in lines), "score table: a line wider than 100 columns")
check(lines[-2] == f"{len(inside)} of {len(independent)} independent targets inside the 90% band", f"score headline: {lines[-2]}")
for target in ids:
    check(re.search(rf"\b{re.escape(target)}\b", "\n".join(lines)) is not None, f"score table: {target} missing")
manifest = json.load(open(f"{run}/score-manifest.json"))
check(manifest["runs"] == runs and len(manifest["scenarioSHA256"]) == 64 and len(manifest["targetsSHA256"]) == 64,
      "score-manifest.json: runs and hashes")

summary, conditioned = rows("summary.csv"), rows("summary-conditioned.csv")
check(conditioned[0] == summary[0], "summary-conditioned.csv: summary.csv's header")
check([row[:3] for row in conditioned] == [row[:3] for row in summary], "summary-conditioned.csv: summary.csv's rows")
for row in conditioned[1:]:
    ordered(row[5:10], f"summary-conditioned.csv {row[1]} {row[2]}")
    check(float(row[4]) >= 0, f"summary-conditioned.csv {row[1]} {row[2]}: sd {row[4]}")
weights = rows("weights.csv")
check(weights[0] == ["run", "weight"] and [row[0] for row in weights[1:]] == [str(r) for r in range(runs)], "weights.csv: one row per run")
check(abs(sum(float(row[1]) for row in weights[1:]) - 1) < 1e-9 and all(float(row[1]) >= 0 for row in weights[1:]),
      "weights.csv: weights >= 0 summing to 1")
parameters = rows("parameters-conditioned.csv")
check(len(parameters) - 1 == len({row[1] for row in rows("draws.csv")[1:]}), "parameters-conditioned.csv: one row per drawn parameter")
for row in parameters[1:]:
    ordered([row[3], row[4], row[5]], f"parameters-conditioned.csv {row[0]} prior")
check(ElementTree.parse(f"{run}/conditioned-capacity_h100e.svg").getroot().tag.endswith("svg"), "conditioned chart: an SVG")
conditioning = json.load(open(f"{run}/conditioned-manifest.json"))
ess = conditioning["effectiveSampleSize"]
check(0 < ess <= runs and conditioning["observations"], f"conditioned-manifest.json: effective sample size {ess}")
check((ess < 200) == ("warning: the effective sample size" in open(f"{folder}/condition.err").read()), "condition: warning below 200")

for problem in problems:
    print(f"validation outputs: {problem}", file=sys.stderr)
print(f"validation outputs: {len(score) - 1} targets scored ({len(independent)} independent compared, {len(inside)} inside 90%), "
      f"effective sample size {ess:.0f} of {runs}: {'FAILED' if problems else 'ok'}")
sys.exit(1 if problems else 0)

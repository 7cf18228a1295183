#!/usr/bin/env python3
"""Fuzzing policysim as a hostile user would: a seeded, bounded mutation campaign over the
scenario loader and a 1-replication run of what it accepts, and a regression corpus of every
input that once crashed, hung or misbehaved.

    Tests/Fuzz/fuzz.py regress  [--binary B]                  # every case of regressions.json
    Tests/Fuzz/fuzz.py campaign [--seconds 120] [--inputs N] [--seed S] [--jobs 2] [--binary B]

Both need a built binary (default .build/release/policysim, else .build/debug/policysim).

A case passes when the process exits by itself (no signal) within its time limit with a
documented status (0, 64, 65, 66, 70, 74; a regression case names the ones it allows), prints
nothing on stderr that is not a one-line diagnostic (no "Fatal error", backtrace or Foundation
error dump) and leaves no temporary file (.NAME.partial, .NAME.tmp-PID) behind.

The campaign mutates the shipped scenarios (Scenarios/*.json, the seed corpus): numbers
replaced by extreme, boundary or scaled values, types swapped, keys deleted or added, array
items dropped or repeated, dates moved, distributions re-parameterised, the text cut or
garbled; sometimes it overrides a value with --set instead, or adds hostile options. Each
batch of mutants goes through `policysim validate` (the loader), and every mutant it accepts
through `policysim run MUTANT --runs 1`. A failing input is saved under --findings with the
command that reproduces it; add it to regressions.json once fixed. Same --seed, same inputs.
"""

import argparse
import concurrent.futures
import copy
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FUZZ = os.path.join(ROOT, "Tests", "Fuzz")
DOCUMENTED = {0, 64, 65, 66, 70, 74}
# A diagnostic line: "policysim: ...", "Error: ...", "FILE: error: ...", "FILE: warning: ...",
# validate's "N of M scenario files invalid", or a run's trap report.
DIAGNOSTIC = re.compile(r"^(policysim: |Error: |.*: (error|warning): |\d+ of \d+ scenario files invalid)")
ALARMS = ("Fatal error", "Backtrace", "NSCocoaErrorDomain", "Illegal instruction", "Segmentation fault")


def binary_path(given):
    if given:
        return os.path.abspath(given)
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "policysim")
        if os.path.exists(path):
            return path
    sys.exit("fuzz.py: no policysim binary; build one (swift build -c release --product policysim)")


def leftovers(folder):
    """Temporary files and folders policysim leaves only when something went wrong."""
    found = []
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            if name.endswith(".partial") or ".tmp-" in name or name.endswith(".previous"):
                found.append(os.path.join(parent, name))
    return found


def execute(binary, arguments, cwd, timeout, fsize_kb=None, output=None):
    """Runs policysim; returns (status or None, signal or None, seconds, stderr, timed out).
    With `output` (a list), appends stdout's lines to it."""
    def limits():
        if fsize_kb is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_kb * 1024, fsize_kb * 1024))
    started = time.monotonic()
    process = subprocess.Popen([binary] + arguments, cwd=cwd, stderr=subprocess.PIPE, preexec_fn=limits,
                               stdout=subprocess.DEVNULL if output is None else subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        hung = True
    if output is not None:
        output.extend(out.decode("utf-8", "replace").splitlines())
    seconds = time.monotonic() - started
    code = process.returncode
    text = err.decode("utf-8", "replace")
    return (None if code < 0 else code), (-code if code < 0 else None), seconds, text, hung


def problems(result, allowed, work):
    """What is wrong with one execution, as short strings (empty: it passed)."""
    status, sig, seconds, err, hung = result
    found = []
    if hung:
        found.append("hung (killed after %.0f s)" % seconds)
    elif sig is not None:
        found.append("killed by signal %d" % sig)
    elif status not in allowed:
        found.append("exit %s, expected one of %s" % (status, sorted(allowed)))
    lines = [line for line in err.splitlines() if line.strip()]
    if any(alarm in err for alarm in ALARMS):
        found.append("stderr holds a crash report")
    elif any(not DIAGNOSTIC.match(line) for line in lines):
        found.append("stderr line that is not a diagnostic: %r" % next(line for line in lines if not DIAGNOSTIC.match(line))[:120])
    left = leftovers(work)
    if left:
        found.append("temporaries left: " + ", ".join(os.path.relpath(p, work) for p in left[:3]))
    return found


# MARK: - Regression corpus

def fill(value, work):
    if isinstance(value, str):
        return value.replace("{work}", work).replace("{root}", ROOT)
    if isinstance(value, list):
        return [fill(item, work) for item in value]
    return value


def remanifest(folder, names):
    """Re-records `names` in folder/manifest.json, so that only content checks can catch them."""
    path = os.path.join(folder, "manifest.json")
    manifest = json.load(open(path))
    for name in names:
        data = open(os.path.join(folder, name), "rb").read()
        manifest["files"][name] = {"bytes": len(data), "rows": max(0, data.count(b"\n") - 1),
                                   "sha256": hashlib.sha256(data).hexdigest()}
    open(path, "w").write(json.dumps(manifest, sort_keys=True, separators=(",", ":")) + "\n")


def damage(step, work):
    path = fill(step["file"], work)
    if "truncate" in step:
        size = os.path.getsize(path)
        with open(path, "r+b") as handle:
            handle.truncate(size - step["truncate"])
    if "replace" in step:
        text = open(path).read()
        old, new = step["replace"]
        changed = re.sub(old, new, text, count=step.get("count", 0))
        assert changed != text, "damage %r changed nothing in %s" % (step["replace"], path)
        open(path, "w").write(changed)
    if "append" in step:
        open(path, "a").write(step["append"])
    if "write" in step:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").write(fill(step["write"], work) if isinstance(step["write"], str) else json.dumps(step["write"]))
    if step.get("remanifest"):
        remanifest(os.path.dirname(path), [os.path.basename(path)])


def regress(arguments):
    binary = binary_path(arguments.binary)
    cases = json.load(open(os.path.join(FUZZ, "regressions.json")))
    failed = 0
    for case in cases:
        work = tempfile.mkdtemp(prefix="policysim-regress-")
        try:
            for name, content in case.get("files", {}).items():
                damage({"file": name, "write": content}, work)
            for setup in case.get("setup", []):
                status, sig, _, err, _ = execute(binary, fill(setup, work), work, 300)
                assert status == 0, "%s: setup %s failed: %s" % (case["name"], setup, err)
            for step in case.get("damage", []):
                damage(step, work)
            cwd = fill(case.get("cwd", "{work}"), work)
            result = execute(binary, fill(case["args"], work), cwd, case.get("seconds", 30), case.get("fsizeKB"))
            found = problems(result, set(case["expect"]), work)
            for absent in fill(case.get("absent", []), work):
                if os.path.exists(absent):
                    found.append("wrote " + absent)
            if "stderr" in case and fill(case["stderr"], work) not in result[3]:
                found.append("stderr lacks %r: %r" % (case["stderr"], result[3][:200]))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        status = "ok  " if not found else "FAIL"
        failed += bool(found)
        print("%s %-44s exit %-4s %5.1f s  %s" % (status, case["name"], result[0] if result[1] is None else "sig%d" % result[1], result[2], "; ".join(found)))
    print("%d of %d regression cases passed" % (len(cases) - failed, len(cases)))
    return 1 if failed else 0


# MARK: - Mutation campaign

EXTREMES = [0, -1, 1, 0.5, 1e-300, -1e-300, 1e-9, 0.999999, 1.000001, 2, 100, 1e6, 1e9, 1e11, 1e12,
            1e12 + 1, 1e13, 1e15, 2 ** 53, 2 ** 63, 1e19, 1e100, 1e308, -1e308, 4294967296, 10000, 10001]
DATES = ["1899-12-31", "1900-01-01", "2024-02-29", "2025-02-30", "2025-13-01", "2074-12-31", "2075-01-01",
         "2299-12-31", "2300-01-01", "9999-12-31", "0001-01-01", "2025-1-1", ""]
FAMILIES = {"uniform": ["min", "max"], "normal": ["mean", "sd"], "lognormal": ["median", "sigma"],
            "beta": ["alpha", "beta"], "gamma": ["shape", "scale"], "exponential": ["mean"],
            "triangular": ["min", "mode", "max"], "pert": ["min", "mode", "max"], "poisson": ["mean"],
            "binomial": ["n", "p"], "bernoulli": ["p"], "weibull": ["scale", "shape"],
            "truncatedNormal": ["mean", "sd", "min", "max"], "discrete": ["values", "weights"]}


def nodes(value, path=()):
    """Every (path, value) in a JSON tree, the root first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, path + (index,))


def replace(document, path, value):
    if not path:
        return value
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return document


def remove(document, path):
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]


def number(rng, old=None):
    choice = rng.random()
    if choice < 0.45 or old is None or not isinstance(old, (int, float)) or isinstance(old, bool):
        return rng.choice(EXTREMES)
    scaled = old * 10.0 ** rng.choice([-6, -3, -1, 1, 2, 3, 6, 9]) if choice < 0.8 else \
        -old if choice < 0.9 else old + rng.choice([-1, 1]) * 1e-9
    return scaled if abs(scaled) < 1e308 else rng.choice(EXTREMES)


def mutate_tree(rng, document):
    everything = list(nodes(document))
    path, value = rng.choice(everything)
    kind = rng.random()
    if isinstance(value, bool) or value is None:
        return replace(document, path, rng.choice([True, False, None, 0, "true"]))
    if isinstance(value, (int, float)):
        return replace(document, path, number(rng, value))
    if isinstance(value, str):
        if re.match(r"^\d{4}-\d\d-\d\d$", value):
            if kind < 0.6:
                year = int(value[:4]) + rng.choice([-200, -60, -51, -1, 1, 29, 30, 49, 50, 51, 100, 275])
                return replace(document, path, "%04d%s" % (max(0, year), value[4:]) if year >= 0 else value)
            return replace(document, path, rng.choice(DATES))
        if path and path[-1] == "dist":
            parent = document
            for key in path[:-1]:
                parent = parent[key]
            family = rng.choice(list(FAMILIES))
            fresh = {"dist": family}
            for key in FAMILIES[family]:
                fresh[key] = [number(rng), number(rng)] if key in ("values", "weights") else number(rng)
            return replace(document, path[:-1], fresh)
        return replace(document, path, rng.choice(["", "../../etc", "x" * 300, "\u0007\n,\"", value + "x", 5, None]))
    if isinstance(value, list):
        if value and kind < 0.3:
            del value[rng.randrange(len(value))]
        elif value and kind < 0.7:
            value.append(copy.deepcopy(rng.choice(value)))
        else:
            return replace(document, path, rng.choice([[], {}, 0, "[]", [1e308]]))
        return document
    if isinstance(value, dict):
        if value and kind < 0.4 and path:
            remove(document, path + (rng.choice(list(value)),))
        elif kind < 0.6:
            # Keys of the v2 format (trends, ramps, mixes, die banks), placed anywhere.
            value[rng.choice(["extra", "runs", "seed", "growthPerYear", "sigma", "level", "ceiling", "declinePerYear",
                              "rampMonths", "finalShare", "stacksPerMonth", "dies", "waferShare", "lotSizeSigma"])] = number(rng)
        elif path:
            return replace(document, path, rng.choice([[], 0, "x", None]))
        return document
    return document


def mutate_text(rng, text):
    """Byte-level damage: cut, an out-of-range literal, a stray character."""
    choice = rng.random()
    if choice < 0.35:
        return text[: rng.randrange(len(text))]
    if choice < 0.7:
        literals = [m.start() for m in re.finditer(r"(?<=[:\[,\s])-?\d+(\.\d+)?([eE][-+]?\d+)?", text)]
        if literals:
            at = rng.choice(literals)
            end = re.match(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text[at:]).end()
            return text[:at] + rng.choice(["1e999", "-1e999", "NaN", "1" * 400, "0x10", "1e-999"]) + text[at + end:]
    at = rng.randrange(len(text))
    return text[:at] + rng.choice(["\x00", "{", "]", ",", "\"", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")]) + text[at:]


HOSTILE = {"--runs": [0, -1, 2, 10 ** 7, 10 ** 7 + 1, 2 ** 63 - 1, 2 ** 64],  # no long runs: 30 s is for 1 replication
           "--threads": [0, -1, 2, 256, 257, 2 ** 63 - 1],
           "--seed": [-1, 0, 2 ** 53 - 1, 2 ** 53, 2 ** 64 - 1, 2 ** 64]}


def hostile_options(rng):
    options = []
    if rng.random() < 0.15:
        option = rng.choice(sorted(HOSTILE))
        options += [option, str(rng.choice(HOSTILE[option]))]
    if rng.random() < 0.2:
        options += ["--per-run"] + (["--gzip"] if rng.random() < 0.25 else [])
    return options


class Campaign:
    def __init__(self, arguments):
        self.binary = binary_path(arguments.binary)
        self.seconds = arguments.seconds
        self.limit = arguments.inputs
        self.seed = arguments.seed
        self.findings = os.path.abspath(arguments.findings)
        self.deadline = time.monotonic() + arguments.seconds
        self.lock = threading.Lock()
        self.counts = {"inputs": 0, "accepted": 0, "ran": 0, "findings": 0}
        self.statuses = {}
        self.slowest = 0.0
        self.reported = time.monotonic()
        self.scenarios = {name: open(os.path.join(ROOT, "Scenarios", name)).read()
                          for name in sorted(os.listdir(os.path.join(ROOT, "Scenarios"))) if name.endswith(".json")}

    def more(self):
        with self.lock:
            return time.monotonic() < self.deadline and (self.limit is None or self.counts["inputs"] < self.limit)

    def record(self, kind, arguments, found, files, work, finding=True):
        with self.lock:
            key = "findings" if finding else "failed replications"
            self.counts[key] = self.counts.get(key, 0) + 1
            index = self.counts[key]
        folder = os.path.join(self.findings, "%s-%d-%d" % ("finding" if finding else "exit70", self.seed, index))
        os.makedirs(folder, exist_ok=True)
        for path in files:
            if os.path.isdir(path):
                shutil.copytree(path, os.path.join(folder, os.path.basename(path)), dirs_exist_ok=True)
            else:
                shutil.copy(path, folder)
        shown = [os.path.join(folder, os.path.basename(a)) if a in files else a for a in arguments]
        open(os.path.join(folder, "README"), "w").write(
            "%s: %s\npolicysim %s\n(extends resolve against Scenarios/: copy the shipped scenarios beside the file)\n"
            % (kind, "; ".join(found), " ".join(shown)))
        print("%s %s: %s\n  policysim %s" % ("FINDING" if finding else "NOTE", kind, "; ".join(found), " ".join(shown)), flush=True)

    def batch(self, rng, work, size=40):
        """Writes `size` mutants beside copies of the shipped scenarios; returns their paths and --set lists."""
        mutants = []
        for index in range(size):
            name = rng.choice(list(self.scenarios))
            text, sets = self.scenarios[name], []
            roll = rng.random()
            if roll < 0.1:
                text = mutate_text(rng, text)
            elif roll < 0.25:
                document = json.loads(text)
                path, value = rng.choice([(p, v) for p, v in nodes(document) if p and isinstance(v, (int, float, str))])
                shown = "$" + "".join("[%d]" % k if isinstance(k, int) else "." + k for k in path)
                sets = ["--set", "%s=%s" % (shown, json.dumps(number(rng, value) if isinstance(value, (int, float)) else rng.choice(DATES)))]
            else:
                document = json.loads(text)
                for _ in range(rng.choice([1, 1, 1, 2, 3, 5])):
                    document = mutate_tree(rng, document)
                text = json.dumps(document, allow_nan=False)
            path = os.path.join(work, "mutant-%03d.json" % index)
            with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
                handle.write(text)
            mutants.append((path, sets))
        return mutants

    def job(self, number):
        rng = random.Random("%d/%d" % (self.seed, number))
        root = tempfile.mkdtemp(prefix="policysim-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
        try:
            for name, text in self.scenarios.items():
                open(os.path.join(root, name), "w").write(text)
            while self.more():
                work = os.path.join(root, "batch")
                shutil.rmtree(work, ignore_errors=True)
                os.makedirs(work)
                for name, text in self.scenarios.items():
                    open(os.path.join(work, name), "w").write(text)
                mutants = self.batch(rng, work)
                self.round(rng, mutants, work)
                self.report_progress()
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def damaged_results(self, rng, out, work):
        """Damages a copy of a run's results (a number, a date, a cut, garbage), re-records the
        manifest most of the time so content checks are reached, and reads it with plot (most
        often), discover or, when the run wrote runs.csv, compare."""
        damaged = os.path.join(work, "damaged")
        shutil.rmtree(damaged, ignore_errors=True)
        shutil.copytree(out, damaged)
        per_run = os.path.exists(os.path.join(damaged, "runs.csv"))
        name = rng.choice(["summary.csv", "summary.csv", "scalars.csv", "manifest.json", "draws.csv"] + ["runs.csv"] * (2 if per_run else 0))
        path = os.path.join(damaged, name)
        text = open(path).read()
        if rng.random() < 0.6:
            literals = [m.span() for m in re.finditer(r"(?<=[,:])-?\d[\d.e+-]*|\d{4}-\d\d-\d\d", text)]
            if literals:
                start, end = rng.choice(literals)
                text = text[:start] + str(rng.choice(EXTREMES + DATES + ["nan", "1e999", "-inf", ""])) + text[end:]
        else:
            text = mutate_text(rng, text)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
            handle.write(text)
        if name != "manifest.json" and rng.random() < 0.7:
            try:
                remanifest(damaged, [name])
            except (ValueError, KeyError):
                pass
        roll = rng.random()
        if roll < 0.6:
            arguments = ["plot", damaged, "--out", os.path.join(damaged, "charts")]
        elif roll < 0.8 or not per_run:
            arguments = ["discover", damaged, "--where", "stockpile_depleted_day < 1000", "--out", os.path.join(work, "found")]
        else:
            arguments = ["compare", damaged, damaged, "--threads", "1", "--quiet", "--out", os.path.join(work, "effects")]
        result = execute(self.binary, arguments, work, 30)
        found = problems(result, {0, 65, 66}, work)
        if found:
            self.record(arguments[0], arguments, found, [damaged], work)
        for folder in ("found", "effects"):
            shutil.rmtree(os.path.join(work, folder), ignore_errors=True)
        with self.lock:
            self.counts["plots"] = self.counts.get("plots", 0) + 1

    def report_progress(self):
        """A line every five minutes, so a long campaign shows it is alive."""
        with self.lock:
            now = time.monotonic()
            if now - self.reported < 300:
                return
            self.reported = now
            c = dict(self.counts)
        print("... %d inputs, %d run, %d findings" % (c["inputs"], c["ran"], c["findings"]), flush=True)

    def round(self, rng, mutants, work):
        plain = [m for m in mutants if not m[1]]
        accepted = set()
        if plain:
            lines = []
            result = execute(self.binary, ["validate"] + [m[0] for m in plain], work, 120, output=lines)
            found = problems(result, {0, 65, 66}, work)
            if found:  # find the mutant(s) responsible, one by one
                for path, _ in plain:
                    single = execute(self.binary, ["validate", path], work, 60)
                    if problems(single, {0, 65, 66}, work):
                        self.record("validate", ["validate", path], problems(single, {0, 65, 66}, work), [path], work)
            else:
                accepted = {line.split(": ok (")[0] for line in lines if ": ok (" in line}
        with self.lock:
            self.counts["inputs"] += len(mutants)
            self.counts["accepted"] += len(accepted) + sum(1 for m in mutants if m[1])
        for path, sets in mutants:
            if not sets and path not in accepted:
                continue
            out = os.path.join(work, "out")
            arguments = ["run", path, "--runs", "1", "--threads", "1", "--quiet", "--out", out] + sets + hostile_options(rng)
            result = execute(self.binary, arguments, work, 30)
            found = problems(result, DOCUMENTED, work)
            with self.lock:
                self.counts["ran"] += 1
                self.statuses[result[0]] = self.statuses.get(result[0], 0) + 1
                self.slowest = max(self.slowest, result[2])
            if found:
                self.record("run", arguments, found, [path], work)
            elif result[0] == 70:  # documented, but a replication failed: a model defect to list
                self.record("exit 70", arguments, [result[3].strip()], [path], work, finding=False)
            if result[0] == 0 and os.path.isdir(out) and rng.random() < 0.2:
                self.damaged_results(rng, out, work)
            for leftover in leftovers(work):  # reported above; start the next input clean
                shutil.rmtree(leftover, ignore_errors=True) if os.path.isdir(leftover) else os.unlink(leftover)
            shutil.rmtree(out, ignore_errors=True)

    def run(self, jobs):
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            for future in [pool.submit(self.job, n) for n in range(jobs)]:
                future.result()
        c = self.counts
        print("campaign seed %d: %d inputs in %.0f s; %d accepted, %d run (exit statuses %s, slowest %.1f s), "
              "%d damaged results plotted; %d findings; %d failed replications (exit 70) saved in %s"
              % (self.seed, c["inputs"], time.monotonic() - started, c["accepted"], c["ran"],
                 dict(sorted((str(k), v) for k, v in self.statuses.items())), self.slowest, c.get("plots", 0),
                 c["findings"], c.get("failed replications", 0), self.findings))
        return 1 if c["findings"] else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    regression = sub.add_parser("regress", help="run every case of regressions.json")
    regression.add_argument("--binary")
    campaign = sub.add_parser("campaign", help="a seeded mutation campaign")
    campaign.add_argument("--binary")
    campaign.add_argument("--seconds", type=float, default=120)
    campaign.add_argument("--inputs", type=int, help="stop after this many inputs")
    campaign.add_argument("--seed", type=int, default=1)
    campaign.add_argument("--jobs", type=int, default=2)
    campaign.add_argument("--findings", default=os.path.join(ROOT, "results", "fuzz-findings"))
    arguments = parser.parse_args()
    if arguments.command == "regress":
        return regress(arguments)
    return Campaign(arguments).run(arguments.jobs)


if __name__ == "__main__":
    sys.exit(main())

# policysim: two commands on a fresh Debian machine with Swift installed.
#   make run    installs GSL if missing, builds, runs Scenarios/tier3.json
#   make test   installs GSL if missing, runs the test suite
#   make notebooks  executes Notebooks-export/*.ipynb on fresh small results (after make test)
#   make figure     regenerates docs/tier3-vs-baseline.svg (tier3, baseline, h200-case-by-case; 1,000 runs each)
#   make fuzz       the fuzz regression corpus, then a FUZZ_SECONDS (120) mutation campaign (Tests/Fuzz/fuzz.py)
SCENARIO ?= Scenarios/tier3.json
FUZZ_SECONDS ?= 120
FUZZ_SEED ?= 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench deps notebooks figure fuzz fuzz-regress

deps:
	@{ pkg-config --exists gsl && pkg-config --exists zlib; } 2>/dev/null || { \
	  echo "Installing libgsl-dev (GNU Scientific Library) and zlib1g-dev..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libgsl-dev zlib1g-dev; }

run: deps
	swift run -c release policysim run $(SCENARIO)

test: deps
	swift test

bench: deps
	swift run -c release policysim-bench

notebooks:
	bash Notebooks-export/execute.sh

# The debug binary: its runtime checks (assertions, bounds) find more than a release build.
fuzz-regress: deps
	swift build --product policysim
	python3 Tests/Fuzz/fuzz.py regress --binary .build/debug/policysim

fuzz: fuzz-regress
	python3 Tests/Fuzz/fuzz.py campaign --binary .build/debug/policysim --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

figure: deps
	swift build -c release --product policysim
	.build/release/policysim run Scenarios/tier3.json --runs 1000 --out results/tier3 --quiet
	.build/release/policysim run Scenarios/baseline.json --runs 1000 --out results/baseline --quiet
	.build/release/policysim run Scenarios/h200-case-by-case.json --runs 1000 --out results/h200-case-by-case --quiet
	.build/release/policysim plot results/tier3 --compare results/baseline results/h200-case-by-case --out docs/tier3-vs-baseline.svg

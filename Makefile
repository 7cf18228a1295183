# policysim: two commands on a fresh Debian machine with Swift installed.
#   make run    installs GSL and OpenSSL's libcrypto if missing, builds, runs Scenarios/tier3.json
#   make test   installs GSL and OpenSSL's libcrypto if missing, runs the test suite
#   make notebooks  executes Notebooks-export/*.ipynb on fresh small results (after make test)
#   make slurm-test runs cluster/*.sbatch on a one-node Slurm cluster on localhost (after make test)
#   make figure     regenerates docs/tier3-vs-baseline.svg (tier3, baseline, h200-case-by-case; 1,000 runs each)
#   make hindcast   regenerates docs/hindcast.md (the hindcast scored against Validation/targets.json)
#                   and docs/hindcast-conditioned.svg (prior vs conditioned on the independent targets)
#   make effects    regenerates docs/effects-vs-baseline.svg and prints docs/effects.md's discovery and standard errors
#   make fuzz       the fuzz regression corpus, then a FUZZ_SECONDS (120) mutation campaign (Tests/Fuzz/fuzz.py)
SCENARIO ?= Scenarios/tier3.json
HINDCAST_RUNS ?= 1000
FUZZ_SECONDS ?= 120
FUZZ_SEED ?= 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench deps notebooks slurm-test figure hindcast effects fuzz fuzz-regress

deps:
	@pkg-config --exists gsl libcrypto zlib 2>/dev/null || { \
	  echo "Installing libgsl-dev (GNU Scientific Library), libssl-dev (OpenSSL's libcrypto, for SHA-256) and zlib1g-dev (for runs.csv.gz)..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libgsl-dev libssl-dev zlib1g-dev; }

run: deps
	swift run -c release policysim run $(SCENARIO)

test: deps
	swift test

bench: deps
	swift run -c release policysim-bench

notebooks:
	bash Notebooks-export/execute.sh

slurm-test:
	bash .ci/slurm-test.sh

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

hindcast: deps
	swift build -c release --product policysim
	.build/release/policysim run Scenarios/hindcast-2024.json --runs $(HINDCAST_RUNS) --per-run --out results/hindcast-2024 --quiet
	.build/release/policysim score results/hindcast-2024 --targets Validation/targets.json --markdown docs/hindcast.md
	.build/release/policysim condition results/hindcast-2024 --targets Validation/targets.json --metric capacity_h100e
	cp results/hindcast-2024/conditioned-capacity_h100e.svg docs/hindcast-conditioned.svg

effects: deps
	swift build -c release --product policysim
	.build/release/policysim compare Scenarios/baseline.json Scenarios/tier3.json Scenarios/h200-case-by-case.json --runs 1000 --out results/effects-vs-baseline
	cp results/effects-vs-baseline/effect-capacity_h100e.svg docs/effects-vs-baseline.svg
	.build/release/policysim run Scenarios/tier3.json --runs 1000 --per-run --out results/tier3-per-run --quiet
	.build/release/policysim discover results/tier3-per-run --where 'capacity_h100e@2027-12-31 > 3000000'
	python3 docs/paired-standard-error.py .build/release/policysim

# policysim: two commands on a fresh Debian machine with Swift installed.
#   make run    installs GSL if missing, builds, runs the main job
#   make test   installs GSL if missing, runs the test suite
SCENARIO ?= Scenarios/tier3.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench deps

deps:
	@pkg-config --exists gsl 2>/dev/null || { \
	  echo "Installing libgsl-dev (GNU Scientific Library)..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libgsl-dev; }

# Until `policysim run` lands (issue "Monte Carlo run"), the main job shows the chip catalog's
# export status and measures the engine.
run: deps
	swift run -c release policysim chips
	swift run -c release policysim-bench

test: deps
	swift test

bench: deps
	swift run -c release policysim-bench

# policysim: two commands on a fresh Debian machine with Swift installed.
#   make run    installs GSL if missing, builds, runs Scenarios/tier3.json
#   make test   installs GSL if missing, runs the test suite
SCENARIO ?= Scenarios/tier3.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench deps

deps:
	@pkg-config --exists gsl 2>/dev/null || { \
	  echo "Installing libgsl-dev (GNU Scientific Library)..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libgsl-dev; }

run: deps
	swift run -c release policysim run $(SCENARIO)

test: deps
	swift test

bench: deps
	swift run -c release policysim-bench

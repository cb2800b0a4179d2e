#!/usr/bin/env bash
# Run one Gatling simulation against a freshly started stack (cold caches), then stop the stack.
#
#   load-tests/gatling.sh SteadySimulation   [-Dusers=100 -Dseconds=60 ...]
#   load-tests/gatling.sh StampedeSimulation [-Dusers=1000]
#   load-tests/gatling.sh BearerSimulation   [-Dusers=50 -Dseconds=60]
#   load-tests/gatling.sh MixedSimulation    [-Dusers=600 -Dseconds=60]
#   load-tests/gatling.sh OverloadSimulation [-Dusers=2000 -Dseconds=30]   past saturation: only 200 and 503, no 500
#
# The HTML report lands in load-tests/target/gatling/<simulation>-<timestamp>/index.html; the run fails (exit code
# 1) when a Gatling assertion fails: any failed request, or a mint count that differs from the distinct keys.
set -euo pipefail
cd "$(dirname "$0")/.."
simulation=${1:?simulation class, e.g. SteadySimulation}
shift
trap 'load-tests/stack.sh stop >/dev/null 2>&1 || true' EXIT
load-tests/stack.sh start
# A signed-in session and an API client's token, for simulations that load routes without signing in themselves.
EDGE_LOAD_SESSION=$(load-tests/stack.sh session load-1)
EDGE_LOAD_JWT=$(load-tests/stack.sh bearer)
export EDGE_LOAD_SESSION EDGE_LOAD_JWT
timeout 1800 ./mvnw -q -B -pl load-tests gatling:test -Dgatling.simulationClass="io.edgegateway.loadtests.$simulation" "$@"

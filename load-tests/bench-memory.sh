#!/usr/bin/env bash
# Memory at scale: heap (after a full GC) and RSS of the edge gateway before and after CacheFillSimulation signs in
# USERS users and mints five tokens for each (10,000 users: 10,000 active sessions, 50,000 cached tokens).
#
#   load-tests/bench-memory.sh            USERS=10000 SECONDS_=120 by default
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-10000}
SECONDS_=${SECONDS_:-120}
OUT=load-tests/target/bench
mkdir -p "$OUT"
trap 'load-tests/stack.sh stop >/dev/null 2>&1 || true' EXIT
load-tests/stack.sh start
pid=$(cat load-tests/target/stack/gateway.pid)

measure() { # label
	jcmd "$pid" GC.run >/dev/null
	sleep 2
	local heap rss
	heap=$(jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1) }')
	rss=$(awk '/VmRSS/ { print $2 "K" }' "/proc/$pid/status")
	printf '%s,%s,%s\n' "$1" "$heap" "$rss"
}

echo "state,heap_used,rss" >"$OUT/memory.csv"
measure "started, warm, no users" | tee -a "$OUT/memory.csv"
timeout 1800 ./mvnw -q -B -pl load-tests gatling:test -Dgatling.simulationClass=io.edgegateway.loadtests.CacheFillSimulation \
	-Dusers="$USERS" -Dseconds="$SECONDS_"
sessions=$(redis-cli -h 127.0.0.1 -p 6379 --scan --pattern 'edge-load:session:sessions:*' | wc -l)
tokens=$(redis-cli -h 127.0.0.1 -p 6379 --scan --pattern 'edge-load:token:*' | grep -vc ':owner:\|:lock:' || true)
measure "$USERS users signed in ($sessions sessions in Redis), $tokens tokens in Redis" | tee -a "$OUT/memory.csv"

#!/usr/bin/env bash
# The side-by-side benchmark: in one run on one machine, the same wrk load against
#   direct     nginx, the upstream itself
#   bare       a bare Spring Cloud Gateway route to it (no filters, no security), Reactor Netty's default event loops
#   bare-loops the same bare route with one event loop per CPU, as the edge gateway runs (edge.server.event-loops)
#   plain      the edge gateway: cookie session -> identity headers (no credential)
#   exchange   the edge gateway: cookie session -> token exchange (warm cache) -> identity headers
#   sa         the edge gateway: cookie session -> RequireClaims -> service-account token (warm cache)
#   relay      the edge gateway: bearer JWT -> relayed
#   peer-plain the peer, Apache httpd + mod_auth_openidc (config/peer-httpd.conf): cookie session -> identity headers
#   peer-relay the peer: bearer JWT (verified locally) -> relayed
#   before-plain, before-relay   plain and relay through the baseline gateway, when BASELINE_JAR names an earlier
#              build of the edge gateway's jar (stack.sh starts it on :9280): a change measured before and after
# and a table of req/s, p50, p99, and each mode's ratio to the bare route and to direct.
#
#   load-tests/bench.sh       DURATION=20 WARMUP=90 CONNECTIONS=32 THREADS=1 ROUNDS=3 LOAD_CPUS=1 by default
#   DURATION=60 ROUNDS=5 load-tests/bench.sh
#   MODES="plain relay before-plain before-relay" BASELINE_JAR=... load-tests/bench.sh   (a subset; direct and bare always run)
#
# Each mode is warmed up once, for WARMUP seconds, before the first round. wrk runs on LOAD_CPUS (taskset), the
# servers on stack.sh's SERVER_CPUS (default 0): keep the two apart.
# Starts the stack (stack.sh) and stops it at the end, whatever happens. Every wrk run is bounded by its duration
# plus a timeout. Results: load-tests/target/bench/results.csv and results.md (and chart.png when gnuplot is there).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-90}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
ROUNDS=${ROUNDS:-3}
LOAD_CPUS=${LOAD_CPUS:-1}
OUT=load-tests/target/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx)" >&2; exit 1; }

trap 'load-tests/stack.sh stop >/dev/null 2>&1 || true' EXIT
load-tests/stack.sh start

session=$(load-tests/stack.sh session load-1)
peer_session=$(load-tests/stack.sh peer-session load-1)
bearer=$(load-tests/stack.sh bearer)
[ -n "$session" ] && [ -n "$peer_session" ] && [ -n "$bearer" ] ||
	{ echo "could not sign in or get a bearer token" >&2; exit 1; }
# A browser sends back the CSRF cookie the gateway gave it with its first response; so do the session modes (without
# it, every request would have a new CSRF token minted and set, which no browser's second request does).
xsrf=$(curl -s -D - -o /dev/null --max-time 10 -H "Cookie: EDGE_SESSION=$session" http://127.0.0.1:9180/plain/api/data |
	sed -n 's/^set-cookie: XSRF-TOKEN=\([^;]*\).*/\1/Ip' | tr -d '\r')
[ -n "$xsrf" ] || { echo "the gateway set no XSRF-TOKEN cookie" >&2; exit 1; }

read -r -a modes <<<"${MODES:-direct bare bare-loops plain exchange sa relay peer-plain peer-relay}"
# direct and bare are the baselines of every ratio in the table: a subset always runs them too.
for base in bare direct; do
	[[ " ${modes[*]} " == *" $base "* ]] || modes=("$base" "${modes[@]}")
done
if [ -n "${BASELINE_JAR:-}" ] && [ -z "${MODES:-}" ]; then
	modes+=(before-plain before-relay)
fi
url() {
	case $1 in
	direct) echo http://127.0.0.1:9101/api/data ;;
	bare) echo http://127.0.0.1:9190/api/data ;;
	bare-loops) echo http://127.0.0.1:9191/api/data ;;
	plain) echo http://127.0.0.1:9180/plain/api/data ;;
	exchange) echo http://127.0.0.1:9180/exchange/api/data ;;
	sa) echo http://127.0.0.1:9180/sa/api/data ;;
	relay) echo http://127.0.0.1:9180/relay/api/data ;;
	peer-plain) echo http://127.0.0.1:9170/session/api/data ;;
	peer-relay) echo http://127.0.0.1:9170/bearer/api/data ;;
	before-plain) echo http://127.0.0.1:9280/plain/api/data ;;
	before-relay) echo http://127.0.0.1:9280/relay/api/data ;;
	esac
}
header() {
	case $1 in
	plain | exchange | sa | before-plain) echo "Cookie: EDGE_SESSION=$session; XSRF-TOKEN=$xsrf" ;;
	relay | peer-relay | before-relay) echo "Authorization: Bearer $bearer" ;;
	peer-plain) echo "Cookie: $peer_session" ;;
	*) echo "X-Bench: 1" ;;
	esac
}

# Each mode must answer 200 before it is measured: a fast error is not a result.
for mode in "${modes[@]}"; do
	status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "$(header "$mode")" "$(url "$mode")")
	[ "$status" = 200 ] || { echo "$mode answers $status, not 200: $(url "$mode")" >&2; exit 1; }
done

to_ms() { # wrk latency (850.00us, 1.20ms, 2.00s) -> ms
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
		else { print "nan" } }'
}

run_wrk() { # mode seconds -> wrk output
	timeout $(($2 + 30)) taskset -c "$LOAD_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --latency \
		-H "$(header "$1")" "$(url "$1")"
}

server_of() { # mode -> the stack.sh name of the server that answers it
	case $1 in
	direct) echo nginx ;;
	bare) echo bare ;;
	bare-loops) echo bare-loops ;;
	peer-*) echo peer ;;
	before-*) echo baseline ;;
	*) echo gateway ;;
	esac
}

cpu_ticks() { # stack.sh server name -> CPU time (user + system, clock ticks) of its process and all its descendants
	local pids=() queue
	queue=("$(cat "load-tests/target/stack/$1.pid")")
	while [ ${#queue[@]} -gt 0 ]; do
		pids+=("${queue[0]}")
		mapfile -t -O "${#queue[@]}" queue < <(pgrep -P "${queue[0]}" || true)
		queue=("${queue[@]:1}")
	done
	for pid in "${pids[@]}"; do cat "/proc/$pid/stat" 2>/dev/null || true; done |
		awk '{ sub(/^.*\) /, ""); n += $12 + $13 } END { print n + 0 }'
}

echo "mode,round,rps,p50_ms,p99_ms,errors,cpu_us_per_request" >"$OUT/runs.csv"
for mode in "${modes[@]}"; do
	echo "warming $mode (${WARMUP}s)"
	run_wrk "$mode" "$WARMUP" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
	for mode in "${modes[@]}"; do
		ticks=$(cpu_ticks "$(server_of "$mode")")
		out=$(run_wrk "$mode" "$DURATION")
		ticks=$(($(cpu_ticks "$(server_of "$mode")") - ticks))
		requests=$(echo "$out" | awk '/requests in/ { print $1 }')
		cpu=$(awk -v t="$ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }')
		rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
		p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
		p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
		errors=$(echo "$out" | awk '/Non-2xx/ { n += $5 } /Socket errors/ { n += 1 } END { print n + 0 }')
		echo "$mode,$round,$rps,$p50,$p99,$errors,$cpu" >>"$OUT/runs.csv"
		printf 'round %s %-12s %10s req/s  p50 %8s ms  p99 %8s ms  CPU %5s µs/request  errors %s\n' \
			"$round" "$mode" "$rps" "$p50" "$p99" "$cpu" "$errors"
	done
done

# Per mode: the median of the rounds' req/s, p50 and p99; ratios to bare and direct in the same run.
python3 - "$OUT" <<'PY'
import csv, statistics, sys, datetime, platform, os
out = sys.argv[1]
runs = list(csv.DictReader(open(f"{out}/runs.csv")))
modes = list(dict.fromkeys(r["mode"] for r in runs))
def med(mode, field):
    return statistics.median(float(r[field]) for r in runs if r["mode"] == mode)
rows = {m: {"rps": med(m, "rps"), "p50": med(m, "p50_ms"), "p99": med(m, "p99_ms"), "cpu": med(m, "cpu_us_per_request"),
            "errors": sum(int(r["errors"]) for r in runs if r["mode"] == m)} for m in modes}
bare, direct = rows["bare"]["rps"], rows["direct"]["rps"]
with open(f"{out}/results.csv", "w") as f:
    f.write("mode,rps,p50_ms,p99_ms,ratio_bare,ratio_direct,p99_vs_bare_ms,errors,cpu_us_per_request\n")
    for m in modes:
        r = rows[m]
        f.write(f"{m},{r['rps']:.0f},{r['p50']:.3f},{r['p99']:.3f},{r['rps']/bare:.3f},{r['rps']/direct:.3f},"
                f"{r['p99']-rows['bare']['p99']:.3f},{r['errors']},{r['cpu']:.0f}\n")
lines = [f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
         f"({platform.machine()}), loopback; medians of the rounds.", "",
         "| mode | req/s | p50 (ms) | p99 (ms) | × bare | × direct | p99 − bare p99 (ms) | CPU µs/request | errors |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for m in modes:
    r = rows[m]
    lines.append(f"| {m} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['rps']/bare:.2f} | "
                 f"{r['rps']/direct:.3f} | {r['p99']-rows['bare']['p99']:+.2f} | {r['cpu']:.0f} | {r['errors']} |")
open(f"{out}/results.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

if command -v gnuplot >/dev/null; then
	load-tests/scripts/chart.sh "$OUT/results.csv" "$OUT/chart.png"
	echo "chart: $OUT/chart.png"
fi

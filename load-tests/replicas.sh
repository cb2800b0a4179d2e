#!/usr/bin/env bash
# Three edge gateway replicas on one Redis behind a load balancer (nginx, round robin, no stickiness), signed-in users
# across them (Gatling's ReplicasSimulation), and replicas stopped under the load: replica 1 gets SIGTERM (a rolling
# update's graceful drain), later replica 2 gets SIGKILL (a node lost). Then the run's figures: requests answered and
# failed (Gatling), what each replica answered before and after it was stopped, retries the balancer made, and the
# tokens minted for the whole cluster, counted at the identity provider's token endpoint.
#
#   load-tests/replicas.sh [-Dusers=200 -Dseconds=90 -DpauseMillis=100]
#
# Environment: TERM_AT and KILL_AT, seconds after the first user signs in (default 30 and 60); SERVER_CPUS (default 0) runs
# the servers, LOAD_CPUS (default 1) the load generator. Stops everything it started when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN=load-tests/target/replicas
GATEWAY_JAR=gateway-app/target/edge-gateway-app-0.1.0-SNAPSHOT.jar
SERVER_CPUS=${SERVER_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
TERM_AT=${TERM_AT:-30}
KILL_AT=${KILL_AT:-60}
IDP=http://127.0.0.1:9100
BALANCER=http://127.0.0.1:9390

# shellcheck source=scripts/processes.sh
. load-tests/scripts/processes.sh

stop_all() {
	for pid_file in "$RUN"/*.pid; do
		[ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
		rm -f "$pid_file"
	done
}

start_replica() { # number 0..2
	start_process "replica-$1" java -Xms512m -Xmx512m -XX:+UseG1GC -jar "$GATEWAY_JAR" \
		--spring.config.additional-location=file:load-tests/config/gateway.yaml \
		--server.port="938$1" --management.server.port="948$1" \
		--spring.security.oauth2.client.provider.idp.token-uri=http://127.0.0.1:9391/oauth2/token
}

mkdir -p "$RUN"
stop_all
trap stop_all EXIT
load-tests/stack.sh build
redis-cli -h 127.0.0.1 -p 6379 --scan --pattern 'edge-load:*' | xargs -r -n 500 redis-cli -h 127.0.0.1 -p 6379 del >/dev/null
: >"$RUN/replicas-balancer.log"
: >"$RUN/replicas-token-requests.log"
sed "s#@RUN@#$PWD/$RUN#g" load-tests/config/replicas-nginx.conf >"$RUN/nginx.conf"
start_process nginx nginx -p "$PWD/$RUN" -c "$PWD/$RUN/nginx.conf"
start_process idp java -Xms256m -Xmx1g -cp "demo-idp/target/classes:$(cat load-tests/target/stack/idp.classpath)" \
	io.edgegateway.idp.DemoIdentityProviderApplication 9100 30m
wait_for "$IDP/.well-known/openid-configuration" 120
for replica in 0 1 2; do start_replica "$replica"; done
for replica in 0 1 2; do wait_for "http://127.0.0.1:948$replica/actuator/health/readiness" 240; done
echo "Replicas up on :9380 :9381 :9382 behind $BALANCER"

(
	# the load starts with the first sign-in through the balancer, once Gatling has started
	until grep -q ' GET /plain/ ' "$RUN/replicas-balancer.log"; do sleep 0.2; done
	date +%s.%N >"$RUN/load.at"
	sleep "$TERM_AT"
	date +%s.%N >"$RUN/term.at"
	kill -TERM "$(cat "$RUN/replica-1.pid")"
	echo "SIGTERM replica 1 (:9381) at +${TERM_AT}s"
	sleep $((KILL_AT - TERM_AT))
	date +%s.%N >"$RUN/kill.at"
	kill -KILL "$(cat "$RUN/replica-2.pid")"
	echo "SIGKILL replica 2 (:9382) at +${KILL_AT}s"
) &
stopper=$!
set +e
taskset -c "$LOAD_CPUS" ./mvnw -q -B -pl load-tests gatling:test \
	-Dgatling.simulationClass=io.edgegateway.loadtests.ReplicasSimulation -Dgateway="$BALANCER" "$@" |
	tee "$RUN/gatling.log"
gatling_exit=${PIPESTATUS[0]}
set -e
wait "$stopper" || true

# What each replica answered (the balancer's log) before and after it was stopped.
answered() { # port, from, to -> answers of that replica between the two times (seconds since the epoch)
	# the line ends with the replicas tried, the one that answered last
	awk -v port="127.0.0.1:$1" -v from="$2" -v to="$3" \
		'{ last = $NF; sub(/^upstream=/, "", last) } last == port && $1 >= from && $1 < to { count++ }
		 END { print count + 0 }' "$RUN/replicas-balancer.log"
}
load_started=$(cat "$RUN/load.at")
term_at=$(cat "$RUN/term.at")
kill_at=$(cat "$RUN/kill.at")
echo
echo "== Replicas run: $(grep -c . "$RUN/replicas-balancer.log") requests through the balancer"
awk '{ print $2 }' "$RUN/replicas-balancer.log" | sort | uniq -c | awk '{ printf "   status %s: %d\n", $2, $1 }'
echo "   retried on another replica by the balancer: $(grep -c 'upstream=[^ ]*, ' "$RUN/replicas-balancer.log" || true)"
echo "   answered after 1 s or more: $(awk '$3 >= 1' "$RUN/replicas-balancer.log" | wc -l), after the SIGTERM: $(awk -v t="$term_at" '$1 >= t && $3 >= 1' "$RUN/replicas-balancer.log" | wc -l), slowest: $(awk '$3 > max { max = $3 } END { print max + 0 }' "$RUN/replicas-balancer.log") s"
echo "   replica 1 (SIGTERM): answered $(answered 9381 "$load_started" "$term_at") before, $(answered 9381 "$term_at" 9999999999) in its drain after the signal"
echo "   replica 2 (SIGKILL): answered $(answered 9382 "$load_started" "$kill_at") before"
echo "   replica 0 (kept):    answered $(answered 9380 "$load_started" "$term_at") before the SIGTERM, $(answered 9380 "$kill_at" 9999999999) after the SIGKILL"
echo "== Tokens minted for the whole cluster (identity provider's token endpoint)"
for grant in authorization_code token-exchange client_credentials refresh_token; do
	echo "   $grant: $(grep -c "grant_type=[^&]*$grant" "$RUN/replicas-token-requests.log" || true)"
done
echo "== Gatling: exit code $gatling_exit (its assertion: no failed request)"
exit "$gatling_exit"

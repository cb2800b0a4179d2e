#!/usr/bin/env bash
# The load tests' stack, on loopback: nginx upstream (:9101), demo identity provider (:9100), the edge
# gateway (:9180, management :9181) configured by config/gateway.yaml, and the bare Spring Cloud Gateway (:9190).
#
#   load-tests/stack.sh start        build what is missing, start everything with cold caches, wait until ready
#   load-tests/stack.sh stop         stop everything this script started
#   load-tests/stack.sh session USER sign USER in through the real login flow; prints the EDGE_SESSION cookie value
#   load-tests/stack.sh bearer       a JWT for API clients (client credentials at the identity provider)
#
# Environment: GATEWAY_JAVA_OPTS (e.g. JFR flags) is added to the edge gateway's JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN=load-tests/target/stack
GATEWAY_JAR=gateway-app/target/edge-gateway-app-0.1.0-SNAPSHOT.jar
BARE_JAR=load-tests/target/edge-gateway-load-tests-0.1.0-SNAPSHOT.jar
# The same heap and collector for both gateways: only what they do differs.
JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC"
IDP=http://127.0.0.1:9100
GATEWAY=http://127.0.0.1:9180

wait_for() { # url, seconds
	local deadline=$((SECONDS + $2))
	until curl -s -o /dev/null --max-time 2 "$1"; do
		if [ $SECONDS -ge $deadline ]; then
			echo "not answering after $2 s: $1 (logs in $RUN)" >&2
			return 1
		fi
		sleep 0.5
	done
}

start_process() { # name, command...
	local name=$1
	shift
	nohup "$@" >"$RUN/$name.log" 2>&1 &
	echo $! >"$RUN/$name.pid"
}

build() {
	if [ ! -f "$GATEWAY_JAR" ] || [ ! -f "$BARE_JAR" ] || [ ! -f "$RUN/idp.classpath" ]; then
		echo "Building the gateway, the demo identity provider and the bare gateway"
		./mvnw -q -B -DskipTests install -pl demo-idp,gateway-app,load-tests -am
		./mvnw -q -B -pl demo-idp dependency:build-classpath -Dmdep.outputFile="$PWD/$RUN/idp.classpath"
	fi
}

cold_caches() {
	redis-cli -h 127.0.0.1 -p 6379 --scan --pattern 'edge-load:*' | xargs -r -n 500 redis-cli -h 127.0.0.1 -p 6379 del >/dev/null
}

start() {
	mkdir -p "$RUN"
	stop >/dev/null 2>&1 || true
	build
	redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis must answer on 127.0.0.1:6379" >&2; exit 1; }
	cold_caches
	sed "s#@RUN@#$PWD/$RUN#g" load-tests/config/nginx.conf >"$RUN/nginx.conf"
	start_process nginx nginx -p "$PWD/$RUN" -c "$PWD/$RUN/nginx.conf"
	start_process idp java -Xms256m -Xmx1g -cp "demo-idp/target/classes:$(cat "$RUN/idp.classpath")" \
		io.edgegateway.idp.DemoIdentityProviderApplication 9100 30m
	# shellcheck disable=SC2086
	start_process gateway java $JAVA_OPTS ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" \
		--spring.config.additional-location=file:load-tests/config/gateway.yaml
	# shellcheck disable=SC2086
	start_process bare java $JAVA_OPTS -jar "$BARE_JAR" --bench.upstream=http://127.0.0.1:9101
	wait_for http://127.0.0.1:9101/ 20
	wait_for "$IDP/.well-known/openid-configuration" 90
	wait_for http://127.0.0.1:9181/actuator/health/readiness 120
	wait_for http://127.0.0.1:9190/ 90
	echo "Stack up: upstream :9101, identity provider :9100, gateway :9180 (management :9181), bare gateway :9190"
}

stop() {
	for name in gateway bare idp nginx; do
		if [ -f "$RUN/$name.pid" ]; then
			kill "$(cat "$RUN/$name.pid")" 2>/dev/null || true
			rm -f "$RUN/$name.pid"
		fi
	done
	sleep 1
}

session() { # user -> EDGE_SESSION value
	local user=$1 jar page csrf
	jar=$(mktemp)
	page=$(curl -s -c "$jar" -b "$jar" -L --max-time 20 -H 'Accept: text/html' "$GATEWAY/plain/")
	csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
	[ -n "$csrf" ] || { echo "no login page for $user" >&2; rm -f "$jar"; return 1; }
	curl -s -c "$jar" -b "$jar" -L --max-time 20 -o /dev/null -H 'Accept: text/html' \
		--data-urlencode "username=$user" --data-urlencode "password=$(password "$user")" \
		--data-urlencode "_csrf=$csrf" "$IDP/login"
	awk '$6 == "EDGE_SESSION" { print $7 }' "$jar"
	rm -f "$jar"
}

password() {
	case $1 in
	alice) echo alice-password ;;
	bob) echo bob-password ;;
	*) echo load-password ;;
	esac
}

bearer() {
	curl -s --max-time 10 -u edge-gateway:edge-gateway-secret -d grant_type=client_credentials "$IDP/oauth2/token" |
		sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

case ${1:-} in
start) start ;;
stop) stop ;;
session) session "${2:?user}" ;;
bearer) bearer ;;
*)
	echo "usage: $0 start|stop|session USER|bearer" >&2
	exit 2
	;;
esac

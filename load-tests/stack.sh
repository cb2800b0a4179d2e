#!/usr/bin/env bash
# The load tests' stack, on loopback: nginx upstream (:9101), demo identity provider (:9100), the edge
# gateway (:9180, management :9181) configured by config/gateway.yaml, the bare Spring Cloud Gateway (:9190; and :9191 with
# one event loop per CPU, as the edge gateway runs), and the
# peer: Apache httpd 2.4 + mod_auth_openidc (:9170) configured by config/peer-httpd.conf.
#
#   load-tests/stack.sh start             build what is missing, start everything with cold caches, wait until ready
#   load-tests/stack.sh stop              stop everything this script started
#   load-tests/stack.sh build             build the jars and the identity provider's classpath, if missing
#   load-tests/stack.sh session USER      sign USER in through the real login flow; prints the EDGE_SESSION cookie value
#   load-tests/stack.sh peer-session USER sign USER in through the peer's login flow (/session/); prints its session
#                                         cookie as name=value, the Cookie header value for the peer
#   load-tests/stack.sh bearer            a JWT for API clients (client credentials at the identity provider)
#
# Environment: BASELINE_JAR (an earlier build of the edge gateway's jar) starts it too, with the same configuration,
# on :9280 (management :9281), so that a change is measured before and after in one run. GATEWAY_JAVA_OPTS (e.g. JFR flags) is added to the edge gateway's JVM options; GATEWAY_JAVA_HOME runs
# the edge and bare gateways on another JDK (e.g. /usr/lib/jvm/temurin-25-jdk-amd64). Every server runs on the CPUs of
# SERVER_CPUS (default 0; Redis too, when it runs here), so that the load generator can have the others.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN=load-tests/target/stack
GATEWAY_JAR=gateway-app/target/edge-gateway-app-0.1.0-SNAPSHOT.jar
BARE_JAR=load-tests/target/edge-gateway-load-tests-0.1.0-SNAPSHOT.jar
# The same heap and collector for both gateways: only what they do differs.
JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC"
IDP=http://127.0.0.1:9100
GATEWAY=http://127.0.0.1:9180
PEER=http://127.0.0.1:9170

SERVER_CPUS=${SERVER_CPUS:-0}
GATEWAY_JAVA=${GATEWAY_JAVA_HOME:+$GATEWAY_JAVA_HOME/bin/}java

# shellcheck source=scripts/processes.sh
. load-tests/scripts/processes.sh

build() {
	if [ ! -f "$GATEWAY_JAR" ] || [ ! -f "$BARE_JAR" ] || [ ! -f "$RUN/idp.classpath" ]; then
		echo "Building the gateway, the demo identity provider and the bare gateway"
		./mvnw -q -B -DskipTests install -pl demo-idp,gateway-app,load-tests -am
		./mvnw -q -B -pl demo-idp dependency:build-classpath -Dmdep.outputFile="$PWD/$RUN/idp.classpath"
	fi
}

cold_caches() {
	redis-cli -h 127.0.0.1 -p 6379 --scan --pattern 'edge-load:*' | xargs -r -n 500 redis-cli -h 127.0.0.1 -p 6379 del >/dev/null
	# The peer's sessions, JWKS and provider metadata: database 1 is the peer's alone (OIDCRedisCacheDatabase).
	redis-cli -h 127.0.0.1 -p 6379 -n 1 flushdb >/dev/null
}

# The peer's configuration: config/peer-httpd.conf with this checkout's paths, and the self-signed certificate of its
# JWKS proxy (mod_auth_openidc 2.4.12 takes only an https OIDCOAuthVerifyJwksUri; see the config).
peer_config() {
	local user group
	mkdir -p "$RUN/peer/htdocs"
	if [ ! -f "$RUN/peer/jwks-proxy.crt" ] || [ ! -f "$RUN/peer/jwks-proxy.key" ]; then
		openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
			-keyout "$RUN/peer/jwks-proxy.key" -out "$RUN/peer/jwks-proxy.crt" 2>/dev/null
	fi
	chmod 644 "$RUN/peer/jwks-proxy.crt"
	chmod 600 "$RUN/peer/jwks-proxy.key"
	# httpd started as root runs its children as User/Group; otherwise it stays who started it.
	if [ "$(id -u)" = 0 ]; then
		user=www-data group=www-data
	else
		user=$(id -un) group=$(id -gn)
	fi
	sed -e "s#@RUN@#$PWD/$RUN#g" -e "s#@MODULES@#/usr/lib/apache2/modules#g" -e "s#@USER@#$user#g" \
		-e "s#@GROUP@#$group#g" load-tests/config/peer-httpd.conf >"$RUN/peer-httpd.conf"
}

start_peer() {
	peer_config
	# httpd appends to its logs: one run's access log per run.
	: >"$RUN/peer-access.log"
	: >"$RUN/peer-error.log"
	apache2 -t -f "$PWD/$RUN/peer-httpd.conf" >"$RUN/peer-configtest.log" 2>&1 ||
		{ cat "$RUN/peer-configtest.log" >&2; return 1; }
	start_process peer apache2 -f "$PWD/$RUN/peer-httpd.conf" -DFOREGROUND
}

start() {
	mkdir -p "$RUN"
	stop >/dev/null 2>&1 || true
	build
	redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis must answer on 127.0.0.1:6379" >&2; exit 1; }
	for pid in $(pgrep -x redis-server || true); do taskset -a -cp "$SERVER_CPUS" "$pid" >/dev/null || true; done
	cold_caches
	sed "s#@RUN@#$PWD/$RUN#g" load-tests/config/nginx.conf >"$RUN/nginx.conf"
	start_process nginx nginx -p "$PWD/$RUN" -c "$PWD/$RUN/nginx.conf"
	start_process idp java -Xms256m -Xmx1g -cp "demo-idp/target/classes:$(cat "$RUN/idp.classpath")" \
		io.edgegateway.idp.DemoIdentityProviderApplication 9100 30m
	# The gateway reads the provider's discovery document when it starts.
	wait_for "$IDP/.well-known/openid-configuration" 120
	# mod_auth_openidc reads the discovery document on the first request that needs it, httpd needs the IdP only then.
	start_peer
	# shellcheck disable=SC2086
	start_process gateway "$GATEWAY_JAVA" $JAVA_OPTS ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" \
		--spring.config.additional-location=file:load-tests/config/gateway.yaml
	# shellcheck disable=SC2086
	start_process bare "$GATEWAY_JAVA" $JAVA_OPTS -jar "$BARE_JAR" --bench.upstream=http://127.0.0.1:9101
	# The bare gateway again, with one event loop per CPU it may use, as the edge gateway runs (edge.server.event-loops).
	# shellcheck disable=SC2086
	start_process bare-loops "$GATEWAY_JAVA" $JAVA_OPTS -Dreactor.netty.ioWorkerCount="$(taskset -c "$SERVER_CPUS" nproc)" \
		-jar "$BARE_JAR" --bench.upstream=http://127.0.0.1:9101 --server.port=9191
	if [ -n "${BASELINE_JAR:-}" ]; then
		# shellcheck disable=SC2086
		start_process baseline "$GATEWAY_JAVA" $JAVA_OPTS -jar "$BASELINE_JAR" \
			--spring.config.additional-location=file:load-tests/config/gateway.yaml \
			--server.port=9280 --management.server.port=9281
		wait_for http://127.0.0.1:9281/actuator/health/readiness 180
	fi
	wait_for http://127.0.0.1:9101/ 20
	wait_for http://127.0.0.1:9181/actuator/health/readiness 180
	wait_for http://127.0.0.1:9190/ 120
	wait_for http://127.0.0.1:9191/ 120
	wait_for "$PEER/" 30
	echo "Stack up: upstream :9101, identity provider :9100, gateway :9180 (management :9181), bare gateway :9190 (one event loop per CPU: :9191)," \
		"peer httpd :9170"
}

stop() {
	for name in gateway baseline bare bare-loops peer idp nginx; do
		if [ -f "$RUN/$name.pid" ]; then
			kill "$(cat "$RUN/$name.pid")" 2>/dev/null || true
			rm -f "$RUN/$name.pid"
		fi
	done
	sleep 1
}

# The real login flow in a cookie jar: a page that sends the browser to the identity provider's login form, the form
# posted, the redirects followed back to the relying party (the gateway or the peer), which sets its session cookie.
sign_in() { # jar, start page, user
	local jar=$1 start=$2 user=$3 page csrf
	page=$(curl -s -c "$jar" -b "$jar" -L --max-time 20 -H 'Accept: text/html' "$start")
	csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
	[ -n "$csrf" ] || { echo "no login page for $user from $start" >&2; return 1; }
	curl -s -c "$jar" -b "$jar" -L --max-time 20 -o /dev/null -H 'Accept: text/html' \
		--data-urlencode "username=$user" --data-urlencode "password=$(password "$user")" \
		--data-urlencode "_csrf=$csrf" "$IDP/login"
}

session() { # user -> EDGE_SESSION value
	local jar
	jar=$(mktemp)
	sign_in "$jar" "$GATEWAY/plain/" "$1" && awk '$6 == "EDGE_SESSION" { print $7 }' "$jar"
	rm -f "$jar"
}

peer_session() { # user -> name=value of mod_auth_openidc's session cookie
	local jar cookie=""
	jar=$(mktemp)
	sign_in "$jar" "$PEER/session/" "$1" && cookie=$(awk '$6 == "mod_auth_openidc_session" { print $6 "=" $7 }' "$jar")
	rm -f "$jar"
	[ -n "$cookie" ] || { echo "no peer session for $1" >&2; return 1; }
	echo "$cookie"
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
build) mkdir -p "$RUN" && build ;;
stop) stop ;;
session) session "${2:?user}" ;;
peer-session) peer_session "${2:?user}" ;;
bearer) bearer ;;
*)
	echo "usage: $0 start|stop|build|session USER|peer-session USER|bearer" >&2
	exit 2
	;;
esac

#!/usr/bin/env bash
# Token cache benchmark (JMH): L1 hit, Redis hit, a mint against a simulated 20 ms identity provider, and a
# stampede of 500 requests on one cold key. Needs Redis on 127.0.0.1:6379 (or Docker). Prints JMH's table.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl filters -am test-compile -DskipTests
./mvnw -q -pl filters dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "filters/target/test-classes:filters/target/classes:$(cat filters/target/bench-classpath.txt)" \
	org.openjdk.jmh.Main 'TokenCacheBenchmarks' "$@"

#!/usr/bin/env python3
"""Where a gateway's CPU goes, by subsystem, from a JFR recording's execution samples.

    jfr print --json --stack-depth 300 --events jdk.ExecutionSample rec.jfr > samples.json
    load-tests/scripts/jfr-categories.py samples.json

Each sample goes to the first category (in the order below) with a frame anywhere on its stack, so work done on
behalf of a subsystem (say, logging inside the security chain) counts for the more specific one.
"""
import collections
import json
import sys

CATEGORIES = [
    ("session: decrypt + deserialize", ["EncryptingRedisSerializer.deserialize"]),
    ("session: serialize + encrypt + save", ["EncryptingRedisSerializer.serialize", "RedisSession.save"]),
    ("logging (access log, audit events)", ["ch/qos/logback", "ch.qos.logback", "org/apache/commons/logging",
                                            "LoggingAuditEventWriter", "org/slf4j"]),
    ("metrics and observations", ["io/micrometer", "io.micrometer"]),
    ("JWT signature and claims", ["com/nimbusds", "NimbusReactiveJwtDecoder"]),
    ("Redis client (Lettuce)", ["io/lettuce", "io.lettuce"]),
    ("token cache", ["io/edgegateway/filters/token"]),
    ("identity headers", ["io/edgegateway/filters/identity"]),
    ("other edge-gateway code", ["io/edgegateway"]),
    ("Spring Security filter chain", ["org/springframework/security"]),
    ("Spring Cloud Gateway routing and proxy client", ["org/springframework/cloud/gateway", "reactor/netty/http/client"]),
    ("HTTP server, Netty, Reactor", ["reactor/netty", "io/netty", "reactor/core", "org/springframework/http",
                                     "org/springframework/web"]),
]

samples = json.load(open(sys.argv[1]))["recording"]["events"]
counts = collections.Counter()
for event in samples:
    names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in event["values"]["stackTrace"]["frames"]]
    for category, markers in CATEGORIES:
        if any(marker in name for name in names for marker in markers):
            counts[category] += 1
            break
    else:
        counts["other (JDK, GC helpers)"] += 1
total = len(samples)
print(f"{total} samples")
for category, count in counts.most_common():
    print(f"{100.0 * count / total:5.1f}%  {category}")

#!/usr/bin/env python3
"""Inclusive CPU share of methods in a JFR recording's execution samples.

    jfr print --json --events jdk.ExecutionSample rec.jfr > samples.json
    load-tests/scripts/jfr-inclusive.py samples.json [top-n] [package-filter]

Prints the methods found on the most sampled stacks (a method counts once per stack),
so a subsystem's total cost shows even when its leaf methods are spread thin.
"""
import collections
import json
import sys

samples = json.load(open(sys.argv[1]))["recording"]["events"]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
prefix = sys.argv[3] if len(sys.argv) > 3 else ""
inclusive = collections.Counter()
for event in samples:
    frames = event["values"]["stackTrace"]["frames"]
    seen = set()
    for frame in frames:
        method = frame["method"]
        name = method["type"]["name"] + "." + method["name"]
        if name.startswith(prefix) and name not in seen:
            seen.add(name)
            inclusive[name] += 1
total = len(samples)
print(f"{total} samples")
for name, count in inclusive.most_common(top):
    print(f"{100.0 * count / total:6.1f}%  {name}")

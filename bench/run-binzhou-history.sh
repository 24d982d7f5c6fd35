#!/usr/bin/env bash
# Issue 12: the Binzhou history data set, loaded step by step as the first start loads it, timed, then its figures.
# Heap capped at 512 MB (the README's run command leaves the JVM its default). Needs nothing but JDK 17.
#   bench/run-binzhou-history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.shared.demo.BinzhouHistoryBenchmark

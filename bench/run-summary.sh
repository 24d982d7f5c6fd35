#!/usr/bin/env bash
# Issue 12 benchmark: the city's summary (GET /api/v1/stats/summary?region=371600&from=2018-01-01
# &to=2023-09-30, its computation) over 44,000 generated applications with their cases, sessions and
# follow-ups. Heap capped at 512 MB. Needs nothing but JDK 17.
#   bench/run-summary.sh                  # 44,000 rows, 5 measured runs
#   bench/run-summary.sh -Drows=10000 -Druns=10
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.reporting.internal.SummaryBenchmark

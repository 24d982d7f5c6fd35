#!/usr/bin/env bash
# Issue 13 benchmark: a personal API token (Bearer) on GET /api/v1/cooling-off?receivedOn=2024-03-01
# against GET /actuator/health and against the same request with HTTP Basic, in one run: requests/s,
# p50 and p95 of each, and the ratio token / health (target >= 50 %). Needs nothing but JDK 17+.
#   bench/run-api-tokens.sh                          # 4 client threads, 15 s per endpoint
#   bench/run-api-tokens.sh -Dthreads=8 -Dseconds=30 -Dwarmup=5
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.identity.internal.ApiTokenBenchmark

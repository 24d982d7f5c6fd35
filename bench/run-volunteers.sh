#!/usr/bin/env bash
# Issue 3 benchmarks: volunteer search with 50,000 volunteers (p95 < 30 ms) and a 10,000-row
# Excel import (< 10 s). Needs nothing but JDK 17; starts its own embedded PostgreSQL.
#   bench/run-volunteers.sh                      # the targets of the issue
#   bench/run-volunteers.sh -Dvolunteers=5000    # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.volunteer.internal.VolunteerBenchmark

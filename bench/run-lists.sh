#!/usr/bin/env bash
# Issue 13, ahead of the peer: every list of Huhang (users, volunteers, registrations, cases, events,
# audit) and a search of each, as a logged-in browser's htmx request, against the peer's figures
# (RuoYi-Vue user list 1,090 req/s, name search 860 req/s) and /actuator/health in the same run.
# Needs nothing but JDK 17+; starts its own embedded PostgreSQL; the JVM holds 512 MB.
#   bench/run-lists.sh                       # 2,000 rows per list, 8 client threads, 10 s + 15 s
#   bench/run-lists.sh -Drows=50000          # 50,000 rows per list
#   bench/run-lists.sh -Dexplain=true -Donly=users,audit -Dseconds=5 -Dwarmup=3
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.shared.demo.ListBenchmark

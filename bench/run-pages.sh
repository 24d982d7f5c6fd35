#!/usr/bin/env bash
# Issue 13, the page targets other than the summary, each as the user who opens it, with
# /actuator/health in the same run: registrations list and search (name, pinyin, identity number)
# and the deadline board as registrar-371602 (p95 < 50 ms), the case page with 30 sessions as
# counselor-371623 and manager-371623 (< 80 ms), the county dashboard as admin-371623 (< 150 ms).
# The demo and the whole Binzhou history (about 44,000 applications) on a throw-away embedded
# PostgreSQL; the JVM holds 512 MB for app and client together. Volunteer search: run-volunteers.sh.
#   bench/run-pages.sh                          # 2 client threads, 5 s warm-up, 10 s per page
#   bench/run-pages.sh -Dhistory=false          # the recent demo only (quicker, ~1,000 applications)
#   bench/run-pages.sh -Donly=case -Dexplain=true
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.shared.demo.PageBenchmark

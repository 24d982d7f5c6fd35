#!/usr/bin/env bash
# Issue 12 benchmark: the registration history of a city (44,000 applications, 2018-01-01 to
# 2023-09-30, seven counties) in one CSV through the staged import, preview then confirmation, and
# the same file again (adds nothing). Heap capped at 512 MB. Needs nothing but JDK 17.
#   bench/run-history-import.sh                         # 44,000 rows, UTF-8
#   bench/run-history-import.sh -Dcharset=GBK -Drows=10000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.registration.internal.HistoryImportBenchmark

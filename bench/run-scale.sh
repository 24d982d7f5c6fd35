#!/usr/bin/env bash
# Issue 13 "Data at scale": -Dscale (default 10) times the Binzhou history through the history's own
# steps (fixed seed, figures exactly scale times the published ones), progress and the generator's
# speed per table; then the city's summary 2018-01-01..2023-09-30 against the same aggregate run
# directly in PostgreSQL (JDBC), p50/p95 and ratio, both figures printed. Heap capped at 1 GB.
#   bench/run-scale.sh                                   # 10×, throw-away database
#   bench/run-scale.sh -Dscale=10 -Ddir=/tmp/huhang-scale10   # keep it; a second run only measures
#   bench/run-scale.sh -Dscale=1 -Druns=30 -Dwarmup=10
#   bench/run-scale.sh -Ddir=/tmp/huhang-scale10 -Drebuild=true   # time a whole build of the figures cache
#   bench/run-scale.sh -Dprovince=true -Ddir=/tmp/huhang-shandong  # Shandong: 16 cities, 57× Binzhou
#     (2,504,922 applications, ~33 million rows, about an hour); then the province's summary by city
#     (target p95 < 300 ms) against the plain SQL, and Binzhou's city summary inside it
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx1g "$@" -cp "target/test-classes:target/classes:$CP" org.huhang.shared.demo.ScaleBenchmark

#!/usr/bin/env bash
# Issue 13, the mixed load with Gatling: registrars entering applications, counselors writing notes,
# managers on their queue, analysts on dashboards and API clients with tokens, as an open model whose
# arrival rate steps up, after /actuator/health alone in the same run; per level requests/s, p50,
# p95 and errors, the highest level sustained with p95 < 200 ms and no error as a share of health's
# requests/s, heap and Hikari pool sampled in Huhang. Huhang runs in its own JVM (-Xmx512m) on a
# throw-away embedded PostgreSQL with the demo (no six-year history); Gatling (Maven profile
# `gatling`, downloaded on first use) in another.
#   bench/run-mixed-load.sh                          # 5 minutes: 10 levels of 30 s, +5 visits/s each
#   bench/run-mixed-load.sh -Dminutes=1              # smoke run: 4 levels of 15 s
#   bench/run-mixed-load.sh -Drate=8 -Dlevels=6 -DhealthUsers=8 -DhealthSeconds=20 -Dsessions=3
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/mixed-load
./mvnw -q -B -ntp -Pgatling test-compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
mkdir -p "$OUT"
rm -f "$OUT/server.properties" "$OUT/stop" "$OUT/samples.csv"
java -Xmx512m "$@" -Ddir="$OUT" -cp "target/test-classes:target/classes:$CP" \
  org.huhang.shared.demo.MixedLoadServer >"$OUT/server.log" 2>&1 &
SERVER=$!
stop() {
  touch "$OUT/stop"
  wait "$SERVER" || true
  grep -E '^(written during the run|stop asked)' "$OUT/server.log" || true
}
trap stop EXIT
echo "starting Huhang (log: $OUT/server.log)"
until [ -f "$OUT/server.properties" ]; do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    cat "$OUT/server.log"
    echo "Huhang did not start" >&2
    exit 1
  fi
  sleep 1
done
cat "$OUT/server.log"
./mvnw -B -ntp -Pgatling gatling:test

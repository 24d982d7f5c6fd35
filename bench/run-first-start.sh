#!/usr/bin/env bash
# Issue 13, "first start of the embedded database with the full demo": what a person trying Huhang
# waits for after the README's run command, measured on a fresh data directory (initdb of the
# embedded PostgreSQL 17, every migration, the recent demo, then the Binzhou history loading in the
# background): the time until the login page answers 200, and until the history is loaded (the
# log's "载入完成" line). Compilation is done first and not counted (the README's command compiles
# too; on this machine `./mvnw -q compile` of an unchanged tree takes about 10 s more).
#   bench/run-first-start.sh            # port 18123, throw-away directory under /tmp
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18123}
./mvnw -q -B -ntp compile -Dspotless.check.skip=true
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
DIR=$(mktemp -d /tmp/huhang-first-start-XXXX)
LOG="$DIR/app.log"
start=$(date +%s%N)
java -cp "target/classes:$CP" org.huhang.HuhangApplication \
  --server.port="$PORT" \
  --huhang.embedded-database.data-directory="$DIR/postgres" \
  --huhang.data-key-file="$DIR/data.key" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DIR"' EXIT
login=""
while kill -0 $APP 2>/dev/null; do
  now=$(date +%s%N)
  if [ -z "$login" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login")" = 200 ]; then
    login=$(( (now - start) / 1000000 ))
    printf 'login page answers 200 after %d.%01d s\n' $((login / 1000)) $((login % 1000 / 100))
  fi
  if grep -q '载入完成' "$LOG"; then
    done_ms=$(( (now - start) / 1000000 ))
    printf 'history loaded after %d.%01d s\n' $((done_ms / 1000)) $((done_ms % 1000 / 100))
    grep '载入完成' "$LOG" | sed 's/^.*INFO/  log:/'
    exit 0
  fi
  if grep -q '载入失败\|APPLICATION FAILED' "$LOG"; then
    echo "start failed, see $LOG"; tail -20 "$LOG"; trap - EXIT; exit 1
  fi
  sleep 0.2
done
echo "the app stopped"; tail -30 "$LOG"; exit 1

#!/usr/bin/env bash
# The failover drill (issue 14): PostgreSQL 15 as a primary and a synchronous streaming standby,
# two Huhang instances on the primary, nginx in front with passive health checks, and a client
# (bench/java/org/huhang/shared/demo/FailoverLoad.java) recording applications and session notes
# through the API with idempotency keys and retries. During the load one instance is killed with
# kill -9 (and started again), then the primary is stopped hard and the standby promoted. At the
# end every acknowledged write is looked up in the database and the figures are printed as a table.
#
#   drill/failover.sh                      # about 8 minutes; everything under /tmp/huhang-drill
#   DRILL_SECONDS=360 drill/failover.sh    # a longer load
#
# Runs as root on Debian (installs nginx and postgresql-15 when missing), on loopback only. Nothing
# here is left running afterwards; logs stay in $DRILL_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR=${DRILL_DIR:-/tmp/huhang-drill}
SECONDS_TOTAL=${DRILL_SECONDS:-240}
BIN=/usr/lib/postgresql/15/bin
PRIMARY=55432
STANDBY=55433
APP1=18081
APP2=18082
FRONT=18080
JDBC="jdbc:postgresql://127.0.0.1:$PRIMARY,127.0.0.1:$STANDBY/huhang?targetServerType=primary&connectTimeout=2&loginTimeout=3&socketTimeout=30&tcpKeepAlive=true"

say() { printf '%s  %s\n' "$(date +%T)" "$*"; }
now_ms() { date +%s%3N; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

export DEBIAN_FRONTEND=noninteractive
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  say "installing nginx"
  apt-get install -y -qq nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
fi
if [ ! -x "$BIN/pg_basebackup" ]; then
  say "installing postgresql-15"
  apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

cleanup() {
  set +e
  for pid in "$DIR"/app*.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null; done
  [ -f "$DIR/nginx.pid" ] && "$NGINX" -c "$DIR/nginx.conf" -p "$DIR" -s stop 2>/dev/null
  for server in standby primary; do
    [ -f "$DIR/$server/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/$server" -m fast stop >/dev/null 2>&1
  done
}
trap cleanup EXIT

# ------------------------------------------------------------------ build
say "building the application and the drill's client"
./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true package
JAR=$(ls "$ROOT"/target/huhang-*.jar | grep -v plain | head -1)
CP=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
CLIENT_CP="$ROOT/target/test-classes:$ROOT/target/classes:$CP"

# ------------------------------------------------------------------ databases
rm -rf "$DIR"
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
say "PostgreSQL 15 primary on $PRIMARY"
as_pg "$BIN/initdb" -D "$DIR/primary" -U huhang --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
cat >>"$DIR/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
max_connections = 60
synchronous_commit = on
CONF
echo "host replication huhang 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
as_pg "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PRIMARY" -U huhang huhang

say "synchronous standby on $STANDBY (pg_basebackup)"
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY" -U huhang -D "$DIR/standby" -R -X stream -c fast
cat >>"$DIR/standby/postgresql.conf" <<CONF
port = $STANDBY
# Once promoted it has no standby of its own: it must not wait for one.
synchronous_standby_names = ''
CONF
echo "primary_conninfo = 'host=127.0.0.1 port=$PRIMARY user=huhang application_name=standby'" \
  >>"$DIR/standby/postgresql.auto.conf"
as_pg "$BIN/pg_ctl" -D "$DIR/standby" -l "$DIR/standby.log" -w start >/dev/null
# Only now, with the standby streaming: a commit is acknowledged once the standby has it, so a
# promoted standby loses nothing (set before, the primary's own first commits would wait for it).
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY" -U huhang -d huhang -qc \
  "alter system set synchronous_standby_names = 'standby'" -c "select pg_reload_conf()" >/dev/null
for i in $(seq 1 60); do
  state=$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY" -U huhang -d huhang -Atc \
    "select sync_state from pg_stat_replication where application_name = 'standby'" 2>/dev/null || true)
  [ "$state" = sync ] && break
  sleep 1
done
say "replication: ${state:-none}"
[ "$state" = sync ] || { echo "the standby did not become synchronous"; exit 1; }

# ------------------------------------------------------------------ application instances
KEY=$(head -c 32 /dev/urandom | base64)
start_app() {
  local n=$1 port=$2
  HUHANG_DATA_KEY="$KEY" SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME=huhang \
    SPRING_DATASOURCE_PASSWORD= \
    nohup java -Xmx384m -jar "$JAR" \
      --server.port="$port" \
      --huhang.demo=true --huhang.demo-history=false \
      --huhang.jobs.deemed-withdrawn-cron='*/5 * * * * *' \
      --spring.datasource.hikari.maximum-pool-size=10 \
      --spring.datasource.hikari.connection-timeout=3000 \
      --spring.datasource.hikari.validation-timeout=1000 \
      --spring.datasource.hikari.keepalive-time=30000 \
      --spring.datasource.hikari.max-lifetime=600000 \
      >>"$DIR/app$n.log" 2>&1 &
  echo $! >"$DIR/app$n.pid"
}
wait_up() {
  local port=$1
  for i in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance on $port did not start"; exit 1
}
say "instance 1 on $APP1 (migrates, loads the demo)"
start_app 1 $APP1
wait_up $APP1
say "instance 2 on $APP2"
start_app 2 $APP2
wait_up $APP2

# ------------------------------------------------------------------ nginx
mkdir -p "$DIR/nginx-tmp"
cat >"$DIR/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log $DIR/nginx-access.log;
  client_body_temp_path $DIR/nginx-tmp/body;
  proxy_temp_path $DIR/nginx-tmp/proxy;
  fastcgi_temp_path $DIR/nginx-tmp/fastcgi;
  uwsgi_temp_path $DIR/nginx-tmp/uwsgi;
  scgi_temp_path $DIR/nginx-tmp/scgi;
  upstream huhang {
    # Passive health checks: an instance that fails once is left out for 10 s.
    server 127.0.0.1:$APP1 max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$APP2 max_fails=1 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$FRONT;
    location / {
      proxy_pass http://huhang;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
      # A POST whose instance died is sent to the other one: safe, the Idempotency-Key makes the
      # repeat answer the first answer (or run afresh, when the first never committed). Only a
      # dead instance counts as failed: a 503 while the database fails over is answered by both,
      # and leaving both out for fail_timeout would stop the service for that long.
      proxy_next_upstream error timeout non_idempotent;
      proxy_next_upstream_tries 2;
    }
  }
}
CONF
"$NGINX" -c "$DIR/nginx.conf" -p "$DIR"
say "nginx on $FRONT"

# ------------------------------------------------------------------ load and faults
: >"$DIR/faults.log"
say "load for $SECONDS_TOTAL s through nginx"
password() { grep -m1 "^  $1: " "$DIR/app1.log" | sed 's/^  [^:]*: //'; }
java -Dbase="http://127.0.0.1:$FRONT" \
  -Dpassword.registrar-371602="$(password registrar-371602)" \
  -Dpassword.counselor-371623="$(password counselor-371623)" -Dseconds="$SECONDS_TOTAL" -Dthreads=6 -Dlog="$DIR/acks.log" \
  -Djdbc="$JDBC" -cp "$CLIENT_CP" org.huhang.shared.demo.FailoverLoad >"$DIR/client.log" 2>&1 &
CLIENT=$!
T0=$(date +%s)
at() { while [ $(( $(date +%s) - T0 )) -lt "$1" ]; do sleep 1; done; }

at $(( SECONDS_TOTAL * 20 / 100 ))
say "kill -9 instance 1"
echo "app1-killed $(now_ms)" >>"$DIR/faults.log"
kill -9 "$(cat "$DIR/app1.pid")"
rm -f "$DIR/app1.pid"

at $(( SECONDS_TOTAL * 35 / 100 ))
say "instance 1 starts again"
start_app 1 $APP1

at $(( SECONDS_TOTAL * 55 / 100 ))
say "primary stopped hard (immediate), standby promoted"
echo "primary-stopped $(now_ms)" >>"$DIR/faults.log"
as_pg "$BIN/pg_ctl" -D "$DIR/primary" -m immediate stop >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/standby" -w promote >/dev/null
echo "standby-promoted $(now_ms)" >>"$DIR/faults.log"
say "promoted"

wait "$CLIENT" || { echo "the client failed:"; tail -20 "$DIR/client.log"; exit 1; }
say "load done"

# ------------------------------------------------------------------ figures
java -Dmode=check -Dlog="$DIR/acks.log" -Dfaults="$DIR/faults.log" -Djdbc="$JDBC" \
  -cp "$CLIENT_CP" org.huhang.shared.demo.FailoverLoad | tee "$DIR/figures.md"
runs=$(cat "$DIR"/app*.log | grep -c "Deemed-withdrawn run for" || true)
echo "| deemed-withdrawn runs in the instances' logs | $runs |" | tee -a "$DIR/figures.md"
echo "| nginx answers by status | $(awk '{print $9}' "$DIR/nginx-access.log" | sort | uniq -c | tr '\n' ' ') |" \
  | tee -a "$DIR/figures.md"
say "figures in $DIR/figures.md"

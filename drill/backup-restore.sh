#!/usr/bin/env bash
# The backup and restore drill for an external PostgreSQL (issue 14): a server with Huhang's data,
# a volunteer registered with a known identity number; pg_dump of the database and the data key
# saved apart; a fresh server restored from the dump; Huhang started on it without the key, with a
# wrong key (both must refuse to start, saying why) and with the right key, which must give the
# identity number back through the API.
#
#   drill/backup-restore.sh        # about 2 minutes, everything under /tmp/huhang-restore-drill
#
# Runs as root on Debian (installs postgresql-15 when missing), on loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR=${DRILL_DIR:-/tmp/huhang-restore-drill}
BIN=/usr/lib/postgresql/15/bin
SOURCE=55442
TARGET=55443
APP=18091

say() { printf '%s  %s\n' "$(date +%T)" "$*"; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -x "$BIN/pg_dump" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

APP_PID=
cleanup() {
  set +e
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  for server in source target; do
    [ -f "$DIR/$server/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/$server" -m fast stop >/dev/null 2>&1
  done
}
trap cleanup EXIT

say "building the application"
./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true package
JAR=$(ls "$ROOT"/target/huhang-*.jar | grep -v plain | head -1)

rm -rf "$DIR"
mkdir -p "$DIR/backup" "$DIR/keys"
chmod 700 "$DIR/keys"
[ "$(id -u)" = 0 ] && chown postgres "$DIR" "$DIR/backup"

server() { # name port
  as_pg "$BIN/initdb" -D "$DIR/$1" -U huhang --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb-$1.log"
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\n" "$2" "$DIR" \
    >>"$DIR/$1/postgresql.conf"
  as_pg "$BIN/pg_ctl" -D "$DIR/$1" -l "$DIR/$1.log" -w start >/dev/null
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$2" -U huhang huhang
}

# app PORT-OF-DATABASE KEY LOG [demo]: starts Huhang, echoes nothing; APP_PID is set.
app() {
  local key_env=()
  [ -n "$2" ] && key_env=(HUHANG_DATA_KEY="$2")
  env "${key_env[@]}" SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$1/huhang" \
    SPRING_DATASOURCE_USERNAME=huhang SPRING_DATASOURCE_PASSWORD= \
    java -Xmx384m -jar "$JAR" --server.port=$APP --huhang.demo="${4:-false}" \
    --huhang.demo-history=false >"$DIR/$3" 2>&1 &
  APP_PID=$!
}
up() { # waits for health; fails if the process ended
  for i in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$APP/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# A valid identity number of 无棣 (371623) born 1985-04-12 whose sequence is this run's.
SEQ=$(printf '%03d' $(( RANDOM % 500 * 2 )))
FIRST17="37162319850412$SEQ"
W=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
SUM=0
for i in $(seq 0 16); do SUM=$(( SUM + ${FIRST17:$i:1} * ${W[$i]} )); done
CHECK=10X98765432
ID_NUMBER="$FIRST17${CHECK:$(( SUM % 11 )):1}"

# ------------------------------------------------------------------ the data
say "source server on $SOURCE, Huhang with the demo data"
server source $SOURCE
KEY=$(head -c 32 /dev/urandom | base64)
app $SOURCE "$KEY" source-app.log true
up || { tail -30 "$DIR/source-app.log"; exit 1; }
ADMIN_PASSWORD=$(grep -m1 "^  admin: " "$DIR/source-app.log" | sed 's/^  admin: //')
CENTER=$(as_pg "$BIN/psql" -h 127.0.0.1 -p $SOURCE -U huhang -d huhang -Atc \
  "select id from center.center where name = '无棣县婚姻家庭辅导中心'")
CREATED=$(curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -X POST "http://127.0.0.1:$APP/api/v1/volunteers" \
  -d "{\"name\":\"恢复演练\",\"gender\":\"FEMALE\",\"birthDate\":\"1985-04-12\",\"idNumber\":\"$ID_NUMBER\",\"phone\":\"13905437788\",\"background\":\"LAWYER\",\"centerId\":\"$CENTER\",\"status\":\"ACTIVE\",\"joinedOn\":\"2024-03-01\"}")
VOLUNTEER=$(echo "$CREATED" | sed 's/.*"id":"\([0-9a-f-]*\)".*/\1/')
say "volunteer $VOLUNTEER registered"
stop_app

# ------------------------------------------------------------------ backup
say "backup: pg_dump of the database, the data key kept apart"
T=$(date +%s%3N)
as_pg "$BIN/pg_dump" -h 127.0.0.1 -p $SOURCE -U huhang -d huhang -Fc -f "$DIR/backup/huhang.dump"
DUMP_MS=$(( $(date +%s%3N) - T ))
printf '%s' "$KEY" >"$DIR/keys/huhang-data.key"
chmod 600 "$DIR/keys/huhang-data.key"
DUMP_MB=$(du -m "$DIR/backup/huhang.dump" | cut -f1)

# ------------------------------------------------------------------ restore
say "restore into a fresh server on $TARGET"
server target $TARGET
# Roles belong to the server, not to the dump: the application's role (V43) comes first.
as_pg "$BIN/psql" -h 127.0.0.1 -p $TARGET -U huhang -d huhang -q \
  -c "create role huhang_app nologin" -c "grant huhang_app to huhang"
T=$(date +%s%3N)
as_pg "$BIN/pg_restore" -h 127.0.0.1 -p $TARGET -U huhang -d huhang --no-owner "$DIR/backup/huhang.dump"
RESTORE_MS=$(( $(date +%s%3N) - T ))

# refused LOG MESSAGE-PATTERN: Huhang (started by the caller) must stop with that message.
refused() {
  if up; then echo "started: $1"; exit 1; fi
  APP_PID=
  grep -o "$2[^。]*" "$DIR/$1" | head -1 | grep . || { echo "no clear message"; tail -20 "$DIR/$1"; exit 1; }
}
say "Huhang on the restored database without the key"
app $TARGET "" no-key.log
NO_KEY=$(refused no-key.log "使用外部数据库时必须设置 HUHANG_DATA_KEY")
say "with a wrong key"
app $TARGET "$(head -c 32 /dev/urandom | base64)" wrong-key.log
WRONG_KEY=$(refused wrong-key.log "数据密钥与数据库中已加密的数据不符")

say "with the key from its own place"
T=$(date +%s%3N)
app $TARGET "$(cat "$DIR/keys/huhang-data.key")" restored-app.log
up || { tail -30 "$DIR/restored-app.log"; exit 1; }
START_MS=$(( $(date +%s%3N) - T ))
CONTACT=$(curl -fsS -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$APP/api/v1/volunteers/$VOLUNTEER/contact")
READ_BACK=$(echo "$CONTACT" | sed 's/.*"idNumber":"\([0-9X]*\)".*/\1/')
stop_app
[ "$READ_BACK" = "$ID_NUMBER" ] || { echo "read back $READ_BACK, wrote $ID_NUMBER"; exit 1; }

cat <<TABLE | tee "$DIR/figures.md"

| step | result |
|---|---|
| pg_dump -Fc | $DUMP_MB MB in $(( DUMP_MS ))ms |
| pg_restore into a fresh server | $(( RESTORE_MS )) ms |
| start without the key | refused: $NO_KEY |
| start with a wrong key | refused: $WRONG_KEY |
| start with the key kept apart | health up in $(( START_MS )) ms |
| identity number read back through the API | ${READ_BACK:0:6}…${READ_BACK: -4} equals the one registered |
TABLE

#!/usr/bin/env bash
# Two real PostgreSQL 15 servers on loopback for ReadReplicaIntegrationTest: a primary and an
# asynchronous streaming standby made with pg_basebackup, Debian's packages (postgresql-15).
#   servers.sh start DIR PRIMARY_PORT STANDBY_PORT     (prints READY when both accept connections)
#   servers.sh stop DIR
# PostgreSQL refuses to run as root: as root the servers run as the postgres user.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$1" in
start)
  DIR=$2 PRIMARY=$3 STANDBY=$4
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
  as_pg "$BIN/initdb" -D "$DIR/primary" -U huhang --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log"
  cat >>"$DIR/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
CONF
  echo "host replication huhang 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
  as_pg "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PRIMARY" -U huhang huhang
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY" -U huhang -D "$DIR/standby" -R -X stream -c fast --no-sync
  echo "port = $STANDBY" >>"$DIR/standby/postgresql.conf"
  as_pg "$BIN/pg_ctl" -D "$DIR/standby" -l "$DIR/standby.log" -w start >/dev/null
  echo READY
  ;;
stop)
  DIR=$2
  for server in standby primary; do
    if [ -f "$DIR/$server/postmaster.pid" ]; then
      as_pg "$BIN/pg_ctl" -D "$DIR/$server" -m immediate stop >/dev/null || true
    fi
  done
  rm -rf "$DIR"
  ;;
esac

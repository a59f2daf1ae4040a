#!/usr/bin/env bash
# Fetches Apache Cassandra from Maven Central (cassandra-all, no Docker needed) and runs a local
# single node on 127.0.0.1:9042 for development and the integration tests.
#
#   scripts/cassandra.sh start    start a node (idempotent) and wait until CQL answers
#   scripts/cassandra.sh stop     stop the node this script started
#   scripts/cassandra.sh status   say whether it runs
#   scripts/cassandra.sh wipe     stop it and delete its data
#
# Env: LIFTGUARD_CASSANDRA_HOME (default <repo>/.cassandra: data, logs, pid), CASSANDRA_HEAP (default 512m),
#      CASSANDRA_START_TIMEOUT seconds (default 180), JAVA (default: java on PATH; must be JDK 17,
#      Cassandra 5.0 refuses newer JDKs' security manager removal),
#      CASSANDRA_PORT / CASSANDRA_STORAGE_PORT / CASSANDRA_JMX_PORT (default 9042 / 7000 / 7199): with another
#      home and other ports a second, independent node runs beside the first (the outage fault test does this),
#      CASSANDRA_COMMITLOG_SYNC (default group: the commit log is fsynced, every CASSANDRA_COMMITLOG_GROUP_WINDOW
#      (10ms), before the writes in it are acknowledged, so a killed node loses nothing it acknowledged; batch: the
#      same without the window; periodic: Cassandra's own default, acknowledges before it syncs, see README).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
home="${LIFTGUARD_CASSANDRA_HOME:-$repo/.cassandra}"
heap="${CASSANDRA_HEAP:-512m}"
timeout="${CASSANDRA_START_TIMEOUT:-180}"
java_bin="${JAVA:-java}"
pidfile="$home/cassandra.pid"
log="$home/cassandra.log"
port="${CASSANDRA_PORT:-9042}"
storage_port="${CASSANDRA_STORAGE_PORT:-7000}"
jmx_port="${CASSANDRA_JMX_PORT:-7199}"
commitlog_sync="${CASSANDRA_COMMITLOG_SYNC:-group}"
group_window="${CASSANDRA_COMMITLOG_GROUP_WINDOW:-10ms}"
# The resolved classpath is the same for every node: one cache for all homes.
classpath_cache="$repo/.cassandra/classpath.txt"

cql_port_open() { (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; }

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

classpath() {
  local cp="$classpath_cache"
  if [[ ! -s "$cp" ]]; then
    mkdir -p "$(dirname "$cp")"
    echo "cassandra: resolving cassandra-all from Maven Central (first run only)..." >&2
    mvn -B -q -f "$repo/scripts/cassandra-node/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime >&2
  fi
  cat "$cp"
}

commitlog_yaml() {
  case "$commitlog_sync" in
    periodic) printf 'commitlog_sync: periodic\ncommitlog_sync_period: 10000ms\n' ;;
    batch) printf 'commitlog_sync: batch\n' ;;
    group) printf 'commitlog_sync: group\ncommitlog_sync_group_window: %s\n' "$group_window" ;;
  esac
}

write_yaml() {
  mkdir -p "$home/data" "$home/commitlog" "$home/hints" "$home/saved_caches" "$home/cdc_raw"
  cat > "$home/cassandra.yaml" <<YAML
cluster_name: liftguard-dev-$port
num_tokens: 16
allocate_tokens_for_local_replication_factor: 1
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:$storage_port"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
storage_port: $storage_port
native_transport_port: $port
start_native_transport: true
data_file_directories:
  - $home/data
commitlog_directory: $home/commitlog
hints_directory: $home/hints
saved_caches_directory: $home/saved_caches
cdc_raw_directory: $home/cdc_raw
$(commitlog_yaml)
file_cache_size: 32MiB
networking_cache_size: 16MiB
concurrent_reads: 8
concurrent_writes: 16
YAML
}

start() {
  if running; then echo "cassandra: already running (pid $(cat "$pidfile"))"; return 0; fi
  if cql_port_open; then echo "cassandra: something already listens on 127.0.0.1:$port; not starting another" >&2; return 1; fi
  if [[ $commitlog_sync != periodic && $commitlog_sync != batch && $commitlog_sync != group ]]; then
    echo "cassandra: CASSANDRA_COMMITLOG_SYNC must be periodic, batch or group, not '$commitlog_sync'" >&2; return 1
  fi
  local cp; cp="$(classpath)"
  write_yaml
  local t0; t0=$(date +%s.%N)
  # JVM options from Cassandra 5.0's conf/jvm17-server.options, plus a short ring delay for one node.
  nohup "$java_bin" -Xms"$heap" -Xmx"$heap" -XX:MaxDirectMemorySize=256m -XX:+UseG1GC \
    -Djdk.attach.allowAttachSelf=true \
    --add-exports java.base/jdk.internal.misc=ALL-UNNAMED \
    --add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED \
    --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED \
    --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED \
    --add-exports java.sql/java.sql=ALL-UNNAMED \
    --add-exports java.base/java.lang.ref=ALL-UNNAMED \
    --add-exports jdk.unsupported/sun.misc=ALL-UNNAMED \
    --add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED \
    --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED \
    --add-opens java.base/java.lang.module=ALL-UNNAMED \
    --add-opens java.base/jdk.internal.loader=ALL-UNNAMED \
    --add-opens java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED \
    --add-opens java.base/jdk.internal.math=ALL-UNNAMED \
    --add-opens java.base/jdk.internal.module=ALL-UNNAMED \
    --add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED \
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens java.base/java.io=ALL-UNNAMED \
    --add-opens java.base/java.lang.reflect=ALL-UNNAMED \
    --add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED \
    --add-opens java.base/java.lang=ALL-UNNAMED \
    --add-opens java.base/java.util=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -Dcassandra.config="file://$home/cassandra.yaml" \
    -Dcassandra.storagedir="$home" \
    -Dcassandra-foreground=yes \
    -Dcassandra.ring_delay_ms=1000 \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 \
    -Dcassandra.jmx.local.port="$jmx_port" \
    -Dlogback.configurationFile="$repo/scripts/cassandra-node/logback.xml" \
    -cp "$cp" org.apache.cassandra.service.CassandraDaemon > "$log" 2>&1 &
  echo $! > "$pidfile"
  local waited=0
  until cql_port_open; do
    if ! running; then echo "cassandra: the node died while starting; last lines of $log:" >&2; tail -30 "$log" >&2; return 1; fi
    if (( waited >= timeout * 5 )); then echo "cassandra: no CQL on 127.0.0.1:$port after ${timeout}s; see $log" >&2; stop; return 1; fi
    sleep 0.2; waited=$((waited + 1))
  done
  local t1; t1=$(date +%s.%N)
  printf 'cassandra: up on 127.0.0.1:%s (pid %s) in %.1f s\n' "$port" "$(cat "$pidfile")" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"
}

stop() {
  if ! running; then echo "cassandra: not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$pidfile"
  echo "cassandra: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "cassandra: running (pid $(cat "$pidfile"))"; else echo "cassandra: not running"; exit 1; fi ;;
  wipe) stop; rm -rf "$home/data" "$home/commitlog" "$home/hints" "$home/saved_caches" "$home/cdc_raw"; echo "cassandra: data wiped" ;;
  *) echo "usage: $0 start|stop|status|wipe" >&2; exit 2 ;;
esac

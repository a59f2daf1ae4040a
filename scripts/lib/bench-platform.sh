# Sourced by the bench scripts after they set $work: the platform's environment for a benchmark run on
# $work/data (no demo city, free HTTP and cluster ports, a fresh signing secret, no rate limit, a keyspace of its own on
# Cassandra), and $base, the URL it will serve on.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
# The cluster port too, so a run can start while the previous one's platform is still shutting down.
export LIFTGUARD_DEMO=false LIFTGUARD_DATA_DIR="$work/data" LIFTGUARD_HTTP_PORT="$port" LIFTGUARD_CLUSTER_PORT="$(free_port)"
export LIFTGUARD_JWT_SECRET="${LIFTGUARD_JWT_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
export LIFTGUARD_RATE_LIMIT_PER_SECOND=1000000 LIFTGUARD_RATE_LIMIT_BURST=1000000
if [[ ${LIFTGUARD_STORE:-h2} == cassandra ]]; then
  export LIFTGUARD_CASSANDRA_KEYSPACE="${LIFTGUARD_CASSANDRA_KEYSPACE:-bench_$(date +%s)}"
fi
base="http://127.0.0.1:$port"

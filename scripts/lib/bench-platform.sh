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

# import_register FILE CONTENT_TYPE TOKEN: posts FILE to the register import and, when it became a job (above the
# synchronous limit), follows the job until it is done, printing its progress every POLL seconds (5). Exits the script
# on any other answer.
import_register() {
  local code job
  code=$(curl -s -o "$work/import.out" -w "%{http_code}" -XPOST "$base/api/v1/elevators/import" \
    -H "Authorization: Bearer $3" -H "Content-Type: $2" --data-binary "@$1" --max-time 600)
  if [[ $code == 202 ]]; then
    job=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["jobId"])' "$work/import.out")
    until curl -s -H "Authorization: Bearer $3" "$base/api/v1/imports/$job" -o "$work/job.out" \
        && python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print("  %s: %d of %d, %s elevators/s" % (j["status"], j["done"], j["rows"], j.get("elevatorsPerSecond"))); sys.exit(0 if j["status"] == "DONE" else 1)' "$work/job.out"; do
      sleep "${POLL:-5}"
    done
  elif [[ $code != 200 ]]; then
    echo "$(basename "$0"): import of $1 answered $code: $(head -c 300 "$work/import.out")" >&2
    exit 1
  fi
}

# await_platform PID [SECONDS]: waits until the platform started as PID answers /health on $base; exits the script
# with the end of $work/platform.log if it died, or if it has not answered within SECONDS (600).
await_platform() {
  local deadline=$((SECONDS + ${2:-600}))
  until curl -sf "$base/health" > /dev/null; do
    if ! kill -0 "$1" 2>/dev/null; then
      echo "$(basename "$0"): the platform died:" >&2; tail -30 "$work/platform.log" >&2; exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "$(basename "$0"): the platform did not answer /health in ${2:-600} s" >&2; exit 1
    fi
    sleep 0.2
  done
}

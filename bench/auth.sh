#!/usr/bin/env bash
# What authentication costs the Kafka deserializers' request: GET /schemas/ids/{id} throughput of the packaged
# server with authentication off, then on with every request carrying a reader API key (Basic KEY:SECRET).
# Same load, same data, server pinned to core 0, wrk to core 1.
#
#   ./mvnw -DskipTests -DskipUi package && bench/auth.sh        (DURATION=20 IDS=1000 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
IDS=${IDS:-1000}
PORT=${PORT:-18080}
JAR=server/target/quarkus-app/quarkus-run.jar
OUT=bench/results
ADMIN_PASSWORD=bench-admin-password-$RANDOM
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
ADMIN="Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"

run() { # $1 = off|on
  local data pid auth=""
  data=$(mktemp -d /tmp/accord-bench.XXXXXX)
  ACCORD_AUTH_ENABLED=$([ "$1" = on ] && echo true || echo false) ACCORD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    ACCORD_DATA_DIR="$data" QUARKUS_HTTP_PORT=$PORT taskset -c 0 java -jar "$JAR" > "$OUT/server-auth-$1.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.1; done
  for i in $(seq 1 "$IDS"); do
    curl -s -o /dev/null -XPOST -H "Authorization: $ADMIN" -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
      "localhost:$PORT/subjects/seed-$i/versions" \
      -d "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Seed$i\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}"
  done
  if [ "$1" = on ]; then
    local created key secret
    created=$(curl -s -XPOST -H "Authorization: $ADMIN" -H 'Content-Type: application/json' "localhost:$PORT/v1/auth/keys" \
      -d '{"description":"bench reader","role":"reader","subjects":["*"]}')
    key=$(echo "$created" | sed 's/.*"key":"\([^"]*\)".*/\1/')
    secret=$(echo "$created" | sed 's/.*"secret":"\([^"]*\)".*/\1/')
    auth="Basic $(printf '%s:%s' "$key" "$secret" | base64 -w0)"
  fi
  for _ in 1 2 3; do
    ACCORD_AUTH="$auth" ACCORD_IDS=$IDS taskset -c 1 wrk -t1 -c32 -d15s -s bench/get-by-id.lua "http://localhost:$PORT" >/dev/null
  done
  echo "== auth $1: GET /schemas/ids/{id} over $IDS ids, ${DURATION}s"
  ACCORD_AUTH="$auth" ACCORD_IDS=$IDS taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" --latency -s bench/get-by-id.lua \
    "http://localhost:$PORT" | tee "$OUT/get-by-id-auth-$1.txt" | grep -E "Requests/sec|50%|99%|Non-2xx"
  kill $pid; wait $pid 2>/dev/null || true
  if grep -q "Non-2xx" "$OUT/get-by-id-auth-$1.txt"; then
    echo "auth $1: some answers were not 2xx (see $OUT/get-by-id-auth-$1.txt and $OUT/server-auth-$1.log)" >&2
    exit 1
  fi
  rm -rf "$data"
}

run off
run on
off=$(grep Requests/sec "$OUT/get-by-id-auth-off.txt" | awk '{print $2}')
on=$(grep Requests/sec "$OUT/get-by-id-auth-on.txt" | awk '{print $2}')
echo "authenticated GET /schemas/ids/{id} = $(echo "scale=1; 100 * $on / $off" | bc)% of the unauthenticated throughput"

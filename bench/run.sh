#!/usr/bin/env bash
# Load benchmark of the packaged server: start-up time, idle RSS, GET /schemas/ids/{id} throughput against a
# constant-answer endpoint of the same server (GET /), and sequential registration rate on the embedded,
# durable PostgreSQL. The server (and its embedded database) is pinned to core 0, wrk to core 1.
#
#   ./mvnw -DskipTests -DskipUi package && bench/run.sh        (DURATION=20 IDS=1000 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
IDS=${IDS:-1000}
PORT=${PORT:-18080}
JAR=server/target/quarkus-app/quarkus-run.jar
OUT=bench/results
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }

DATA=$(mktemp -d /tmp/accord-bench.XXXXXX)
start=$(date +%s.%N)
ACCORD_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT taskset -c 0 java -jar "$JAR" > "$OUT/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT  # set -e holds in traps too
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.1; done
ready=$(date +%s.%N)
echo "start-up to ready (embedded PostgreSQL included, fresh data dir): $(echo "$ready - $start" | bc) s"
grep -o "started in [0-9.]*s" "$OUT/server.log" | sed 's/^/quarkus: /'
sleep 3
echo "idle RSS of the JVM: $(( $(grep VmRSS /proc/$PID/status | awk '{print $2}') / 1024 )) MiB"

echo "== warm-up of the registration path (the JIT shares the server's single core): 90s"
ACCORD_RUN=warm$RANDOM taskset -c 1 wrk -t1 -c1 -d90s -s bench/register.lua "http://localhost:$PORT" >/dev/null
echo "== sequential registrations of distinct schemas (1 connection, durable commits), ${DURATION}s"
ACCORD_RUN=$RANDOM taskset -c 1 wrk -t1 -c1 -d"${DURATION}s" --latency -s bench/register.lua "http://localhost:$PORT" \
  | tee "$OUT/register.txt" | grep -E "Requests/sec|50%|99%|Non-2xx"

echo "== seeding $IDS schema ids"
for i in $(seq 1 "$IDS"); do
  curl -s -o /dev/null -XPOST -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
    "localhost:$PORT/subjects/seed-$i/versions" \
    -d "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Seed$i\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}"
done
MAXID=$(curl -s "localhost:$PORT/schemas/ids/1?fetchMaxId=true" | sed 's/.*"maxId":\([0-9]*\).*/\1/')
echo "ids 1..$MAXID"

echo "== warm-up (the JIT shares the server's single core, so give it time)"
for _ in 1 2 3; do
  ACCORD_IDS=$MAXID taskset -c 1 wrk -t1 -c32 -d15s -s bench/get-by-id.lua "http://localhost:$PORT" >/dev/null
  taskset -c 1 wrk -t1 -c32 -d15s "http://localhost:$PORT/" >/dev/null
done

echo "== constant answer: GET / (non-blocking, returns {}), ${DURATION}s"
taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" --latency "http://localhost:$PORT/" \
  | tee "$OUT/constant.txt" | grep -E "Requests/sec|50%|99%"
echo "== GET /schemas/ids/{id} over $MAXID ids, ${DURATION}s"
ACCORD_IDS=$MAXID taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" --latency -s bench/get-by-id.lua "http://localhost:$PORT" \
  | tee "$OUT/get-by-id.txt" | grep -E "Requests/sec|50%|99%|Non-2xx"
constant=$(grep Requests/sec "$OUT/constant.txt" | awk '{print $2}')
byid=$(grep Requests/sec "$OUT/get-by-id.txt" | awk '{print $2}')
echo "GET /schemas/ids/{id} = $(echo "scale=1; 100 * $byid / $constant" | bc)% of the constant answer"
echo "RSS after load: $(( $(grep VmRSS /proc/$PID/status | awk '{print $2}') / 1024 )) MiB"

#!/usr/bin/env bash
# Scale benchmark: a registry of SUBJECTS subjects x VERSIONS versions (default 100,000 x 10 = 1,000,000 versions;
# Avro and JSON Schema, references, soft-deleted versions) loaded into the packaged server's embedded PostgreSQL
# through POST /v1/import, then: restart to ready on that data, RSS after start and after a read sweep, and the
# latency of the list endpoints a tool or the UI calls.
#
#   ./mvnw -B -DskipTests package && ./mvnw -B -o -pl server test-compile && bench/scale.sh
#   SUBJECTS=2000 for a quick run; KEEP=1 keeps the data directory (DATA=...) for another run
set -euo pipefail
cd "$(dirname "$0")/.."
SUBJECTS=${SUBJECTS:-100000}
VERSIONS=${VERSIONS:-10}
PORT=${PORT:-18095}
JAR=server/target/quarkus-app/quarkus-run.jar
CP="server/target/test-classes:server/target/quarkus-app/lib/main/*"
OUT=bench/results
DOC=${DOC:-/tmp/accord-scale-$SUBJECTS-$VERSIONS.ndjson}
DATA=${DATA:-$(mktemp -d /tmp/accord-scale-data.XXXXXX)}
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] && [ -f server/target/test-classes/dev/accord/server/scale/ScaleDocument.class ] || {
  echo "build first: ./mvnw -B -DskipTests package && ./mvnw -B -o -pl server test-compile" >&2; exit 1; }

pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; [ -n "${KEEP:-}" ] || rm -rf "$DATA"' EXIT
start() {
  local t0; t0=$(date +%s%N)
  ACCORD_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" >> "$OUT/server-scale.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; see $OUT/server-scale.log" >&2; exit 1; }
    sleep 0.05
  done
  took=$(( ($(date +%s%N) - t0) / 1000000 ))
}
rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"; }
# median and max of 5 timed requests, in ms, and the answer's size
timed() {
  local path=$1 times=() size=0 code
  for _ in 1 2 3 4 5; do
    read -r code t size < <(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' \
      -H 'Accept: application/json' "localhost:$PORT$path")
    [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
    times+=("$(echo "$t * 1000" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v p="$path" -v s="$size" \
    '{a[NR]=$1} END {printf "| `GET %s` | %.0f ms | %.0f ms | %d KB |\n", p, a[3], a[5], s/1024}'
}

[ -f "$DOC" ] || java -cp "$CP" dev.accord.server.scale.ScaleDocument "$DOC" "$SUBJECTS" "$VERSIONS"
: > "$OUT/server-scale.log"
exec > >(tee "$OUT/scale.txt") 2>&1  # not a { } | tee pipeline: the EXIT trap must see the server's pid
echo "scale: $SUBJECTS subjects x $VERSIONS versions; $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2/1048576}' /proc/meminfo); JAVA_OPTS='${JAVA_OPTS:-}'"
start; echo "first start: $took ms"
if curl -sf "localhost:$PORT/v1/stats" | grep -q '"subjects":0,'; then
  t0=$(date +%s)
  curl -sf -X POST -H 'Content-Type: application/x-ndjson' -T "$DOC" "localhost:$PORT/v1/import"; echo  # -T streams
  echo "import of $(( $(stat -c %s "$DOC") >> 20 )) MiB: $(( $(date +%s) - t0 )) s"
else
  echo "the data directory holds a registry already: import skipped"
fi
stop
for i in 1 2 3; do start; echo "restart $i to ready: $took ms"; [ "$i" = 3 ] || stop; done
sleep 5
echo "RSS after start: $(rss) MiB"
echo "| Request | median | slowest of 5 | answer |"
echo "|---|---|---|---|"
mid=$(( SUBJECTS / 2 ))
timed "/subjects"
timed "/subjects?subjectPrefix=topic-5"
timed "/subjects?offset=$mid&limit=100"
timed "/subjects?deleted=true&offset=0&limit=100"
timed "/subjects/topic-$mid-value/versions"
timed "/subjects/topic-$mid-value/versions/latest"
timed "/schemas?latestOnly=true"
timed "/schemas?latestOnly=true&offset=0&limit=100"
timed "/schemas?subjectPrefix=topic-$mid-&offset=0&limit=100"
timed "/v1/subjects"
timed "/v1/subjects?offset=0&limit=100"
timed "/v1/subjects?search=topic-$mid&limit=100"
timed "/v1/stats"
ids=$(( SUBJECTS * VERSIONS ))
echo "read sweep: GET /schemas/ids/{random of $ids}, 30 s, 16 connections"
ACCORD_IDS=$ids wrk -t1 -c16 -d30s --latency -s bench/get-by-id.lua "http://localhost:$PORT" | grep -E "Requests/sec|99%|Non-2xx"
echo "RSS after the read sweep: $(rss) MiB"
sleep 30
echo "RSS 30 s later: $(rss) MiB"

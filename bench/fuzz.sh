#!/usr/bin/env bash
# The long fuzz run, from outside the server's process: the packaged server on a fresh embedded database,
# REQUESTS hostile requests from 8 clients (dev.accord.server.fuzz.HostileTraffic), and the server JVM's resident
# memory before and after (the embedded PostgreSQL is a separate process, reported on its own).
#
#   ./mvnw -B -DskipTests package && ./mvnw -B -o -pl server test-compile && bench/fuzz.sh
#   REQUESTS=10000 SEED=20261203 JAVA_OPTS=... to change the run; exit status 1 on any bad answer
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-10000}
SEED=${SEED:-20261203}
PORT=${PORT:-18089}
JAR=server/target/quarkus-app/quarkus-run.jar
CLASSES=server/target/test-classes
OUT=bench/results
mkdir -p "$OUT"
[ -f "$JAR" ] && [ -f "$CLASSES/dev/accord/server/fuzz/HostileTraffic.class" ] || {
  echo "build first: ./mvnw -B -DskipTests package && ./mvnw -B -o -pl server test-compile" >&2; exit 1; }

data=$(mktemp -d /tmp/accord-fuzz.XXXXXX)
# shellcheck disable=SC2086
ACCORD_DATA_DIR="$data" QUARKUS_HTTP_PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" > "$OUT/server-fuzz.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT  # set -e holds in traps too
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "server exited; see $OUT/server-fuzz.log" >&2; exit 1; }
  sleep 0.2
done

rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
postgres_mib() { # the postmaster runs on the data directory; its backends are its children
  local master; master=$(pgrep -f -- "-D $data" | head -1)
  [ -n "$master" ] && ps -o rss= -p "$master" --ppid "$master" | awk '{s += $1} END {printf "%d", s / 1024}' || echo "?"
}
before=$(rss_mib $pid)
start=$(date +%s)
status=0
java -cp "$CLASSES" dev.accord.server.fuzz.HostileTraffic "http://127.0.0.1:$PORT" "$REQUESTS" "$SEED" \
  | tee "$OUT/fuzz.txt" || status=$?
took=$(( $(date +%s) - start ))
after=$(rss_mib $pid)
sleep 30
settled=$(rss_mib $pid)
echo "server JVM RSS: ${before} MiB after start, ${after} MiB after the run, ${settled} MiB 30 s later (idle);" \
  "embedded PostgreSQL $(postgres_mib) MiB; ${took} s; JAVA_OPTS='${JAVA_OPTS:-}'" | tee -a "$OUT/fuzz.txt"
exit $status

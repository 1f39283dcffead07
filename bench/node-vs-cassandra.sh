#!/usr/bin/env bash
# A Ringlet node against Apache Cassandra 5.0.6, side by side in one run (see bench/node_vs_cassandra.py).
#
#   bench/node-vs-cassandra.sh [--mode quick|full] [--rounds N] [--keys N] [--duration S] [--servers ringlet]
#                              [--phases write:32,read:128] [--work DIR] ...
#
# Builds the distribution tarball (mvn package, tests skipped) and the peer's load generator when missing, unpacks
# the tarball into the work directory, then runs the comparison and prints the table. Quick mode (the default):
# 200k keys, 10 s runs, one round (~8 min, most of it Cassandra's 35 s first boot and populate). Full mode: 1M
# keys, 30 s runs, two interleaved rounds (~25 min). Ports: Ringlet 39142/37100/37299 (CQL/storage/JMX),
# Cassandra 39042/37000/37199; both servers are stopped by their PIDs at the end. Environment: PEER (default
# /work/shared/peer), RINGLET_JAVA_OPTS (extra JVM options for the Ringlet node, e.g. a flight recording),
# SKIP_BUILD=1 (reuse distribution/target's tarball),
# LOADGEN (a built loadgen.jar to use).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEER="${PEER:-/work/shared/peer}"
WORK=""
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
WORK="${WORK:-$(mktemp -d /tmp/node-vs-cassandra.XXXXXX)}"
mkdir -p "$WORK"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the distribution (mvn -q -B -DskipTests -pl distribution -am package) ..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl distribution -am package)
fi
# The peer's load generator: its own build when there is one, otherwise a copy built once under ~/.cache (the
# peer's directory may be read-only).
LOADGEN="${LOADGEN:-$PEER/loadgen/target/loadgen.jar}"
if [[ ! -f "$LOADGEN" ]]; then
  copy="${XDG_CACHE_HOME:-$HOME/.cache}/ringlet-bench/loadgen"
  LOADGEN="$copy/target/loadgen.jar"
  if [[ ! -f "$LOADGEN" ]]; then
    echo "building the load generator in $copy ..." >&2
    rm -rf "$copy" && mkdir -p "$(dirname "$copy")" && cp -r "$PEER/loadgen" "$copy" && chmod -R u+w "$copy"
    (cd "$copy" && mvn -q -B package -DskipTests)
  fi
fi
tarball="$(ls "$ROOT"/distribution/target/ringlet-*.tar.gz | head -n 1)"
rm -rf "$WORK/dist"
mkdir -p "$WORK/dist"
tar -xzf "$tarball" -C "$WORK/dist" --strip-components=1
echo "work directory: $WORK" >&2
exec python3 "$ROOT/bench/node_vs_cassandra.py" --work "$WORK" --dist "$WORK/dist" --peer "$PEER" \
  --loadgen "$LOADGEN" "${args[@]+"${args[@]}"}"

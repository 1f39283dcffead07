#!/usr/bin/env bash
# Time from `bin/ringlet start` to an open native port (fresh data directory and restart), see bench/startup.py.
#
#   bench/startup.sh [--base REV] [--dist-b DIR] [--runs N] [--kinds fresh,restart] [--work DIR] [--port P] ...
#
# Builds this tree's distribution tarball (mvn package, tests skipped; SKIP_BUILD=1 reuses distribution/target's)
# and unpacks it as build A. With --base REV it also builds the tarball of that git revision (git archive into the
# work directory, an offline Maven build there) and runs it as build B, interleaved with A; --dist-b DIR uses an
# already unpacked distribution as B instead. Ports 44142/44100/44299 (CQL/storage/JMX) unless --port,
# --storage-port, --jmx-port say otherwise. Prints the median time to an open port for each build and kind.
#
#   bench/startup.sh --base main --runs 7       # this tree against main, 7 fresh and 7 restarts each
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK=""
BASE=""
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
WORK="${WORK:-$(mktemp -d /tmp/ringlet-startup.XXXXXX)}"
mkdir -p "$WORK"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the distribution (mvn -q -B -DskipTests -pl distribution -am package) ..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl distribution -am package)
fi
unpack() {
  rm -rf "$2"
  mkdir -p "$2"
  tar -xzf "$(ls "$1"/distribution/target/ringlet-*.tar.gz | head -n 1)" -C "$2" --strip-components=1
}
unpack "$ROOT" "$WORK/dist"
if [[ -n "$BASE" ]]; then
  echo "building the distribution of $BASE ..." >&2
  rm -rf "$WORK/base-src"
  mkdir -p "$WORK/base-src"
  git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/base-src"
  (cd "$WORK/base-src" && mvn -q -B -o -DskipTests -pl distribution -am package)
  unpack "$WORK/base-src" "$WORK/base-dist"
  args+=(--dist-b "$WORK/base-dist")
fi
echo "work directory: $WORK" >&2
exec python3 "$ROOT/bench/startup.py" --work "$WORK/runs" --dist "$WORK/dist" "${args[@]+"${args[@]}"}"

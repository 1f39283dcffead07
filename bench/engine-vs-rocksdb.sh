#!/usr/bin/env bash
# Builds the bench module and runs the storage engine against RocksDB (1M keys of 100 bytes, interleaved rounds);
# prints every measurement and the comparison table. Options are passed on (e.g. --rounds 5 --threads 1,4,
# --engines lsm to profile one engine); see EngineVsRocksDb's javadoc. JVM options: BENCH_JVM_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
exec java ${BENCH_JVM_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp bench/target/benchmarks.jar org.ringlet.bench.kv.EngineVsRocksDb "$@"

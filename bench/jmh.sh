#!/usr/bin/env bash
# Builds the bench module and runs the JMH suites of the hot paths; prints JMH's result table.
#   bench/jmh.sh                       every suite
#   bench/jmh.sh Murmur3Bench -f 1     a JMH pattern and JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cpus"
java -jar bench/target/benchmarks.jar -rf text -rff bench/target/jmh-result.txt "${@:-org.ringlet.bench.jmh}"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

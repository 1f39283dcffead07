/**
 * The storage engine against RocksDB on the same key-value workload ({@link org.ringlet.bench.kv.EngineVsRocksDb}):
 * both behind {@link org.ringlet.bench.kv.KvStore}, run interleaved in one process and reported as ratios.
 */
package org.ringlet.bench.kv;

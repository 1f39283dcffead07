/**
 * Benchmarks: the node services the benchmarks run the storage engine with ({@link org.ringlet.bench.BenchNode}),
 * JMH suites of the hot paths ({@code jmh}) and the storage engine measured against RocksDB ({@code kv}).
 * Built only with the Maven profile {@code bench}; see {@code docs/performance.md}.
 */
package org.ringlet.bench;

/**
 * JMH suites of the hot paths: Murmur3 tokens, value codecs and mutation serialization, memtable inserts,
 * SSTable point reads and commit log appends. Run with {@code bench/jmh.sh}.
 */
package org.ringlet.bench.jmh;

/**
 * The data model shared by the query layer, the coordinator and storage engines: partitions of rows in
 * clustering order, cells with microsecond write timestamps, TTLs and local deletion times, tombstones for
 * cells, collections, rows, clustering ranges and whole partitions, and the reconciliation rules that merge
 * them exactly as Cassandra does. Also the binary serialization of mutations and partitions used by the commit
 * log and internode messages.
 *
 * <p>Times: write timestamps are microseconds since the epoch; TTLs are seconds; local deletion and expiration
 * times are seconds since the epoch held in a {@code long} (not a signed 32-bit field, so they go past 2038).
 */
package org.ringlet.api.data;

/**
 * Memtables: a table's recent writes in memory, in a concurrent sorted map of partitions (by token and key), each
 * holding its rows in clustering order, with size accounting for flush decisions. A memtable is written to an
 * SSTable when it is flushed, and a fresh one takes its place, so writers never wait for the disk.
 */
package org.ringlet.storage.lsm.memtable;

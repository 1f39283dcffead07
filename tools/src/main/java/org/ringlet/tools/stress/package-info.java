/**
 * {@code stress}: a closed-loop load tool on the Java driver in the spirit of {@code cassandra-stress}, with the
 * schema and result line of the peer load generator so runs against Ringlet and Apache Cassandra compare like for
 * like. Workloads write, read, mixed (with ratios) and populate; a live line per report interval and a final
 * summary with HdrHistogram percentiles.
 */
package org.ringlet.tools.stress;

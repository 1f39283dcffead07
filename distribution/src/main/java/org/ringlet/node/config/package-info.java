/**
 * The node's configuration: {@code conf/ringlet.yaml} with {@code cassandra.yaml} names, overridden by the
 * environment variables of the Cassandra Docker image and then by command-line flags, into typed records
 * ({@link org.ringlet.node.config.NodeConfig}) and into the {@link org.ringlet.api.ComponentConfig} each component
 * receives ({@link org.ringlet.node.config.ComponentConfigs}). Every effective value remembers where it came
 * from, for {@code ringlet config}. See docs/adr/0001-configuration-mapping.md.
 */
package org.ringlet.node.config;

/**
 * This node in the system tables: the {@code system.local} row (its identity, versions, addresses, tokens and
 * schema version, kept on the storage engine), which is also where the topology service keeps the host id and
 * tokens ({@link org.ringlet.api.cluster.LocalNodeStore}).
 */
package org.ringlet.cql.system;

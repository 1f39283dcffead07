/**
 * The schema model: keyspaces with their replication, tables with their columns, primary key, options and dropped
 * columns, user types, and the {@link org.ringlet.api.schema.SchemaService} that holds the node's current,
 * versioned schema. The model is immutable; a change makes a new {@link org.ringlet.api.schema.Schema}.
 */
package org.ringlet.api.schema;

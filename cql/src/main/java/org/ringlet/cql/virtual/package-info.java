/**
 * Virtual tables: tables whose rows the node computes when they are read instead of storing them
 * ({@code system_virtual_schema}, {@code system_views}). Reads of them follow the storage engine's read semantics
 * (slices, limits, paging positions) on partitions built in memory.
 */
package org.ringlet.cql.virtual;

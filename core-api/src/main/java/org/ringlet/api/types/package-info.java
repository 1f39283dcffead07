/**
 * The CQL type system: type descriptors with their binary serialization (the native protocol's and the
 * on-disk form, which are the same), validation, ordering (the comparators rows and cells are sorted by), Java
 * value mapping, and the parser for CQL type names as they appear in {@code system_schema}.
 *
 * <p>All types are immutable and thread-safe. Serialized values are {@link java.nio.ByteBuffer}s whose position
 * and limit delimit the value; methods never change a buffer's position.
 */
package org.ringlet.api.types;

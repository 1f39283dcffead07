package org.ringlet.cql.schema;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.UserType;

/**
 * The schema version: a name-based (MD5) UUID of a canonical text of every replicated keyspace (the node-local
 * and virtual system keyspaces are left out, as Cassandra leaves them out of its digest). Two nodes with the same
 * schema have the same version whatever the order and time their changes were made in.
 */
final class SchemaDigest {
    private SchemaDigest() {
    }

    static UUID version(Collection<KeyspaceMetadata> keyspaces) {
        StringBuilder sb = new StringBuilder("ringlet-schema-v1\n");
        List<KeyspaceMetadata> sorted = keyspaces.stream()
                .filter(k -> !SystemKeyspaces.isLocal(k.name()) && !k.virtual())
                .sorted(Comparator.comparing(KeyspaceMetadata::name)).toList();
        for (KeyspaceMetadata ks : sorted) {
            sb.append("keyspace ").append(ks.name()).append(' ').append(ks.replication().asMap())
                    .append(" durable=").append(ks.durableWrites()).append('\n');
            for (UserType t : ks.types().values()) {
                sb.append(" type ").append(t.name()).append(' ').append(t.fieldNames()).append(' ');
                t.fieldTypes().forEach(ft -> sb.append(ft.cqlName()).append(','));
                sb.append('\n');
            }
            for (TableMetadata t : ks.tables().values()) {
                sb.append(" table ").append(t.name()).append(' ').append(t.id()).append(' ').append(t.params())
                        .append('\n');
                for (ColumnMetadata c : t.allColumnsInSelectOrder()) {
                    sb.append("  column ").append(c.name()).append(' ').append(c.kind()).append(' ')
                            .append(c.position()).append(' ').append(c.order()).append(' ')
                            .append(c.type().cqlName()).append('\n');
                }
                for (DroppedColumn d : t.droppedColumns().values()) {
                    sb.append("  dropped ").append(d.name()).append(' ').append(d.type().cqlName()).append(' ')
                            .append(d.kind()).append(' ').append(d.droppedTimeMicros()).append('\n');
                }
            }
        }
        return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package org.ringlet.cql.schema;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.UserType;
import org.slf4j.Logger;

/**
 * Tells listeners how one schema differs from the next: created keyspaces, then their types and tables; changed
 * keyspaces with their created, altered and dropped types and tables; dropped keyspaces after their tables and
 * types.
 */
final class SchemaDiff {
    private SchemaDiff() {
    }

    static void notify(Schema before, Schema after, List<SchemaChangeListener> listeners, Logger log) {
        Consumer<Consumer<SchemaChangeListener>> each = call -> {
            for (SchemaChangeListener l : listeners) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    log.error("Schema change listener {} failed", l, e);
                }
            }
        };
        Map<String, KeyspaceMetadata> old = before.keyspaces();
        Map<String, KeyspaceMetadata> now = after.keyspaces();
        for (KeyspaceMetadata ks : now.values()) {
            KeyspaceMetadata prev = old.get(ks.name());
            if (prev == null) {
                each.accept(l -> l.onCreateKeyspace(ks));
                ks.types().values().forEach(t -> each.accept(l -> l.onCreateType(t)));
                ks.tables().values().forEach(t -> each.accept(l -> l.onCreateTable(t)));
            } else {
                if (!prev.replication().equals(ks.replication()) || prev.durableWrites() != ks.durableWrites()) {
                    each.accept(l -> l.onAlterKeyspace(prev, ks));
                }
                diffTypes(prev, ks, each);
                diffTables(prev, ks, each);
            }
        }
        for (KeyspaceMetadata prev : old.values()) {
            if (!now.containsKey(prev.name())) {
                prev.tables().values().forEach(t -> each.accept(l -> l.onDropTable(t)));
                prev.types().values().forEach(t -> each.accept(l -> l.onDropType(t)));
                each.accept(l -> l.onDropKeyspace(prev));
            }
        }
    }

    private static void diffTypes(KeyspaceMetadata prev, KeyspaceMetadata ks,
                                  Consumer<Consumer<SchemaChangeListener>> each) {
        for (UserType t : ks.types().values()) {
            UserType p = prev.types().get(t.name());
            if (p == null) {
                each.accept(l -> l.onCreateType(t));
            } else if (!p.equals(t) || !p.fieldNames().equals(t.fieldNames())) {
                each.accept(l -> l.onAlterType(p, t));
            }
        }
        for (UserType p : prev.types().values()) {
            if (!ks.types().containsKey(p.name())) {
                each.accept(l -> l.onDropType(p));
            }
        }
    }

    private static void diffTables(KeyspaceMetadata prev, KeyspaceMetadata ks,
                                   Consumer<Consumer<SchemaChangeListener>> each) {
        for (TableMetadata t : ks.tables().values()) {
            TableMetadata p = prev.tables().get(t.name());
            if (p == null) {
                each.accept(l -> l.onCreateTable(t));
            } else if (!p.id().equals(t.id())) {
                each.accept(l -> l.onDropTable(p));
                each.accept(l -> l.onCreateTable(t));
            } else if (!p.equals(t)) {
                each.accept(l -> l.onAlterTable(p, t));
            }
        }
        for (TableMetadata p : prev.tables().values()) {
            if (!ks.tables().containsKey(p.name())) {
                each.accept(l -> l.onDropTable(p));
            }
        }
    }
}

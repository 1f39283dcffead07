package org.ringlet.cql.terms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.ast.RawTerm;

/**
 * The specifications of a statement's bind markers, filled in as the statement is prepared: each marker gets
 * the spec of what receives its value, renamed to the marker's name for {@code :name} markers. Not thread-safe:
 * used while preparing one statement.
 */
public final class BindSpecs {
    private final List<RawTerm.Marker> markers;
    private final ColumnSpec[] specs;
    private final ColumnSpec[] receivers;

    public BindSpecs(List<RawTerm.Marker> markers) {
        this.markers = List.copyOf(markers);
        this.specs = new ColumnSpec[markers.size()];
        this.receivers = new ColumnSpec[markers.size()];
    }

    /** Records what receives the marker's value. */
    public void set(RawTerm.Marker marker, ColumnSpec receiver) {
        String name = marker.name() != null ? marker.name() : receiver.name();
        specs[marker.index()] = new ColumnSpec(receiver.keyspace(), receiver.table(), name, receiver.type());
        receivers[marker.index()] = receiver;
    }

    /**
     * Cassandra's routing indexes: for each partition key column of the table, the index of the last marker whose
     * value the column itself receives ({@code k = ?}, each of {@code k IN (?, ?)}, an INSERT value; not
     * {@code k IN ?} or {@code token(k) > ?}); empty unless every partition key column has one.
     */
    public List<Integer> partitionKeyIndexes(TableMetadata table) {
        Integer[] positions = new Integer[table.partitionKeyColumns().size()];
        for (int i = 0; i < receivers.length; i++) {
            ColumnSpec r = receivers[i];
            if (r == null || !r.keyspace().equals(table.keyspace()) || !r.table().equals(table.name())) {
                continue;
            }
            ColumnMetadata c = table.column(r.name()).orElse(null);
            if (c != null && c.kind() == ColumnKind.PARTITION_KEY && c.type().equals(r.type())) {
                positions[c.position()] = i;
            }
        }
        List<Integer> out = new ArrayList<>(positions.length);
        for (Integer p : positions) {
            if (p == null) {
                return List.of();
            }
            out.add(p);
        }
        return out;
    }

    public int size() {
        return specs.length;
    }

    /** The spec of the marker at an index, or null if not prepared yet. */
    public ColumnSpec get(int index) {
        return specs[index];
    }

    /** The markers as parsed. */
    public List<RawTerm.Marker> markers() {
        return markers;
    }

    /**
     * The specs of the markers prepared so far, in index order, with the others (markers of other statements of
     * the same batch) shown as blobs named {@code ?}: what one statement of a batch reports about itself.
     */
    public List<ColumnSpec> preparedSoFar(ColumnSpec placeholder) {
        List<ColumnSpec> out = new ArrayList<>(specs.length);
        for (ColumnSpec s : specs) {
            out.add(s != null ? s : placeholder);
        }
        return out;
    }

    /**
     * The specs of every marker, in index order.
     *
     * @throws IllegalStateException when a marker was never prepared (a statement kind that skipped one)
     */
    public List<ColumnSpec> toList() {
        List<ColumnSpec> out = new ArrayList<>(specs.length);
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] == null) {
                throw new IllegalStateException("bind marker " + i + " was not prepared: " + Arrays.toString(specs));
            }
            out.add(specs[i]);
        }
        return out;
    }
}

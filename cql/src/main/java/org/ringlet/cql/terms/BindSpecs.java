package org.ringlet.cql.terms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ringlet.api.query.ColumnSpec;
import org.ringlet.cql.ast.RawTerm;

/**
 * The specifications of a statement's bind markers, filled in as the statement is prepared: each marker gets
 * the spec of what receives its value, renamed to the marker's name for {@code :name} markers. Not thread-safe:
 * used while preparing one statement.
 */
public final class BindSpecs {
    private final List<RawTerm.Marker> markers;
    private final ColumnSpec[] specs;

    public BindSpecs(List<RawTerm.Marker> markers) {
        this.markers = List.copyOf(markers);
        this.specs = new ColumnSpec[markers.size()];
    }

    /** Records what receives the marker's value. */
    public void set(RawTerm.Marker marker, ColumnSpec receiver) {
        String name = marker.name() != null ? marker.name() : receiver.name();
        specs[marker.index()] = new ColumnSpec(receiver.keyspace(), receiver.table(), name, receiver.type());
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

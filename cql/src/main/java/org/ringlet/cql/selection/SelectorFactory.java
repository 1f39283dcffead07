package org.ringlet.cql.selection;

import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.functions.Assignable;
import org.ringlet.cql.functions.AssignmentResult;

/** A prepared selector: makes a {@link Selector} per result. Immutable and thread-safe. */
public abstract class SelectorFactory implements Assignable {

    /** The result column's name when there is no alias, as Cassandra names it. */
    public abstract String columnName();

    /** The result column's type. */
    public abstract CqlType type();

    public abstract Selector newInstance(BoundValues values);

    /** Whether the selector aggregates over rows. */
    public boolean isAggregate() {
        return false;
    }

    /** Adds the columns the selector reads. */
    public abstract void collectColumns(Set<ColumnMetadata> columns);

    @Override
    public AssignmentResult testAssignment(CqlType target) {
        CqlType t = type();
        if (t.equals(target.unwrap())) {
            return AssignmentResult.EXACT_MATCH;
        }
        return target.unwrap().isValueCompatibleWith(t) ? AssignmentResult.WEAKLY_ASSIGNABLE
                : AssignmentResult.NOT_ASSIGNABLE;
    }

    @Override
    public CqlType exactType() {
        return type();
    }

    @Override
    public String text() {
        return columnName();
    }
}

package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.Set;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.UserType;

import static java.util.Objects.requireNonNull;

/** A field of a user type value ({@code home.city}), named {@code home.city}; null when the value is. */
public final class FieldSelector extends SelectorFactory {
    private final SelectorFactory value;
    private final UserType type;
    private final int field;

    private FieldSelector(SelectorFactory value, UserType type, int field) {
        this.value = value;
        this.type = type;
        this.field = field;
    }

    /**
     * Selects {@code field} of what {@code value} selects.
     *
     * @throws InvalidRequestException with Cassandra's messages when the value is not of a user type or the type
     *                                 has no such field
     */
    public static FieldSelector of(SelectorFactory value, String field) {
        requireNonNull(value, "value is null");
        if (!(value.type().unwrap() instanceof UserType u)) {
            throw new InvalidRequestException("Invalid field selection: " + value.columnName() + " of type "
                    + value.type().cqlName() + " is not a user type");
        }
        int index = u.fieldIndex(field);
        if (index < 0) {
            throw new InvalidRequestException(value.columnName() + " of type " + value.type().cqlName()
                    + " has no field " + field);
        }
        return new FieldSelector(value, u, index);
    }

    @Override
    public String columnName() {
        return value.columnName() + "." + type.fieldNames().get(field);
    }

    @Override
    public CqlType type() {
        return type.fieldTypes().get(field);
    }

    @Override
    public boolean isAggregate() {
        return value.isAggregate();
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
        value.collectColumns(columns);
    }

    @Override
    public Selector newInstance(BoundValues values) {
        Selector input = value.newInstance(values);
        return new Selector() {
            @Override
            public void addInput(RowView row) {
                input.addInput(row);
            }

            @Override
            public ByteBuffer output() {
                ByteBuffer v = input.output();
                if (v == null || !v.hasRemaining()) {
                    return null;
                }
                return CollectionCodec.unpackFields(v, type.fieldNames().size(), type.name()).get(field);
            }

            @Override
            public void reset() {
                input.reset();
            }
        };
    }
}

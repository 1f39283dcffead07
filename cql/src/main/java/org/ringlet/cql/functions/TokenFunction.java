package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * {@code system.token(...)}: the token of a partition key, for a table whose partition key has the argument
 * types. Works on any values of those types, not only on the key columns.
 */
public final class TokenFunction implements ScalarFunction {
    /** The name of the token function. */
    public static final FunctionName NAME = FunctionName.system("token");

    private final TableMetadata table;
    private final Partitioner partitioner;
    private final List<CqlType> argumentTypes;

    public TokenFunction(TableMetadata table, Partitioner partitioner) {
        this.table = requireNonNull(table, "table is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        List<CqlType> types = new ArrayList<>();
        for (ColumnMetadata c : table.partitionKeyColumns()) {
            types.add(c.type());
        }
        this.argumentTypes = List.copyOf(types);
    }

    @Override
    public FunctionName name() {
        return NAME;
    }

    @Override
    public List<CqlType> argumentTypes() {
        return argumentTypes;
    }

    @Override
    public CqlType returnType() {
        return partitioner.tokenType();
    }

    /** Makes the token function of the statement's table. */
    record Factory(Partitioner partitioner) implements FunctionFactory {
        @Override
        public FunctionName name() {
            return NAME;
        }

        @Override
        public CqlFunction create(List<? extends Assignable> arguments, CqlType receiverType, TableMetadata table) {
            if (table == null) {
                throw new org.ringlet.api.error.InvalidRequestException("The token function can only be used on a "
                        + "table");
            }
            return new TokenFunction(table, partitioner);
        }
    }

    @Override
    public String toString() {
        return signature();
    }

    @Override
    public ByteBuffer execute(List<ByteBuffer> arguments) {
        ByteBuffer key = table.serializePartitionKey(arguments);
        return partitioner.tokenValue(partitioner.token(key));
    }
}

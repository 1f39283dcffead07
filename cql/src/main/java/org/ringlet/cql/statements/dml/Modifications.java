package org.ringlet.cql.statements.dml;

import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.terms.BindSpecs;
import org.ringlet.api.schema.TableMetadata;

/** Checks shared by the modification statements. */
final class Modifications {
    private Modifications() {
    }

    /** The bind variables a statement reports: every marker alone, its own markers within a batch. */
    static List<ColumnSpec> bindVariables(BindSpecs binds, boolean standalone, TableMetadata table) {
        return standalone ? binds.toList()
                : binds.preparedSoFar(new ColumnSpec(table.keyspace(), table.name(), "?", NativeType.BLOB));
    }

    /** @throws InvalidRequestException for virtual tables */
    static void checkModifiable(TableMetadata table) {
        if (table.isVirtual()) {
            throw new InvalidRequestException("Modification is not supported by table " + table.keyspace() + "."
                    + table.name());
        }
    }
}

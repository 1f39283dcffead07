package org.ringlet.tools.cqlsh;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.internal.core.metadata.schema.DefaultColumnMetadata;
import com.datastax.oss.driver.internal.core.metadata.schema.DefaultTableMetadata;
import org.junit.jupiter.api.Test;
import org.ringlet.tools.cqlsh.format.Ansi;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The colours of column names on a terminal, as cqlsh's: any selected name, function calls included. */
class QueryOutputColorsTest {
    private static final CqlIdentifier KS = CqlIdentifier.fromInternal("cityinfo");
    private static final CqlIdentifier TABLE = CqlIdentifier.fromInternal("users_by_cities");

    private static ColumnMetadata column(String name, boolean isStatic) {
        return new DefaultColumnMetadata(KS, TABLE, CqlIdentifier.fromInternal(name), DataTypes.TEXT, isStatic);
    }

    @Test
    void keysClusteringStaticAndOtherNames() {
        ColumnMetadata city = column("city", false);
        ColumnMetadata age = column("age", false);
        ColumnMetadata note = column("note", true);
        ColumnMetadata name = column("Name", false);
        DefaultTableMetadata table = new DefaultTableMetadata(KS, TABLE, UUID.randomUUID(), false, false,
                List.of(city), Map.of(age, ClusteringOrder.ASC),
                Map.of(city.getName(), city, age.getName(), age, note.getName(), note, name.getName(), name),
                Map.of(), Map.of());
        assertEquals(Ansi.RED, QueryOutput.nameColor(table, "city"));
        assertEquals(Ansi.CYAN, QueryOutput.nameColor(table, "age"));
        assertEquals(Ansi.WHITE, QueryOutput.nameColor(table, "note"));
        assertEquals(Ansi.MAGENTA, QueryOutput.nameColor(table, "Name"));
        // selections that are not columns, which are not valid CQL identifiers either
        assertEquals(Ansi.MAGENTA, QueryOutput.nameColor(table, "system.token(username)"));
        assertEquals(Ansi.MAGENTA, QueryOutput.nameColor(table, "count"));
        assertEquals(Ansi.MAGENTA, QueryOutput.nameColor(null, "city"));
    }
}

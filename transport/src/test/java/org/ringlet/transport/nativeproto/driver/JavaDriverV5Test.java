package org.ringlet.transport.nativeproto.driver;

import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java driver against a server that accepts v5: framing in checksummed segments after STARTUP, and the
 * result-metadata ids of prepared statements.
 */
class JavaDriverV5Test extends JavaDriverChecks {
    @Override
    DefaultProtocolVersion version() {
        return DefaultProtocolVersion.V5;
    }

    @Test
    void aPreparedStatementLearnsOfNewColumnsThroughMetadataChanged() {
        server.node.createUserTable("ks", "evolving", "pk int", "ck int", "v text")
                .insert("pk", 1, "ck", 1, "v", "one");
        PreparedStatement ps = session.prepare("SELECT * FROM ks.evolving WHERE pk = ? AND ck = ?");
        assertFalse(ps.getResultSetDefinitions().contains("extra"));
        assertEquals("one", session.execute(ps.bind(1, 1)).one().getString("v"));

        // The table gains a column: the next EXECUTE carries a stale result-metadata id, the answer says
        // Metadata_changed with the new id and the full metadata, and the driver updates the statement.
        server.node.addColumn("ks", "evolving", "extra text");
        Row row = session.execute(ps.bind(1, 1)).one();
        assertTrue(row.getColumnDefinitions().contains("extra"), row.getColumnDefinitions().toString());
        assertEquals("one", row.getString("v"));
        assertTrue(ps.getResultSetDefinitions().contains("extra"), "the prepared statement was updated");
    }
}

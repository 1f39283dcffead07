package org.ringlet.cql;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.statements.UseStatement;
import org.ringlet.cql.statements.ddl.AlterKeyspaceStatement;
import org.ringlet.cql.statements.ddl.AlterTableStatement;
import org.ringlet.cql.statements.ddl.AlterTypeStatement;
import org.ringlet.cql.statements.ddl.CreateKeyspaceStatement;
import org.ringlet.cql.statements.ddl.CreateTableStatement;
import org.ringlet.cql.statements.ddl.CreateTypeStatement;
import org.ringlet.cql.statements.ddl.DropKeyspaceStatement;
import org.ringlet.cql.statements.ddl.DropTableStatement;
import org.ringlet.cql.statements.ddl.DropTypeStatement;
import org.ringlet.cql.statements.describe.DescribeStatement;
import org.ringlet.cql.statements.dml.BatchStatement;
import org.ringlet.cql.statements.dml.DeleteStatement;
import org.ringlet.cql.statements.dml.InsertStatement;
import org.ringlet.cql.statements.dml.TruncateStatement;
import org.ringlet.cql.statements.dml.UpdateStatement;
import org.ringlet.cql.statements.select.SelectPreparer;

/** Turns parsed statements into executable ones. */
final class StatementPreparer {
    private StatementPreparer() {
    }

    /**
     * Prepares a parsed statement.
     *
     * @param keyspace the keyspace unqualified names are in (the request's or the connection's), or null
     * @throws org.ringlet.api.error.RingletException with Cassandra's code and message when it is invalid
     */
    static CqlStatement prepare(ParsedStatement parsed, QueryContext context, String keyspace) {
        RawStatement raw = parsed.statement();
        if (raw instanceof RawStatement.Select s) {
            return SelectPreparer.prepare(parsed, s, context, keyspace);
        }
        if (raw instanceof RawStatement.Insert i) {
            return InsertStatement.prepare(parsed, i, context, keyspace);
        }
        if (raw instanceof RawStatement.Update u) {
            return UpdateStatement.prepare(parsed, u, context, keyspace);
        }
        if (raw instanceof RawStatement.Delete d) {
            return DeleteStatement.prepare(parsed, d, context, keyspace);
        }
        if (raw instanceof RawStatement.Batch b) {
            return BatchStatement.prepare(parsed, b, context, keyspace);
        }
        if (raw instanceof RawStatement.Use u) {
            return new UseStatement(u.keyspace());
        }
        if (raw instanceof RawStatement.CreateKeyspace c) {
            return new CreateKeyspaceStatement(c);
        }
        if (raw instanceof RawStatement.AlterKeyspace a) {
            return new AlterKeyspaceStatement(a);
        }
        if (raw instanceof RawStatement.DropKeyspace d) {
            return new DropKeyspaceStatement(d);
        }
        if (raw instanceof RawStatement.CreateTable c) {
            return new CreateTableStatement(Tables.keyspaceOf(c.table(), keyspace), c);
        }
        if (raw instanceof RawStatement.AlterTable a) {
            return new AlterTableStatement(Tables.keyspaceOf(a.table(), keyspace), a);
        }
        if (raw instanceof RawStatement.DropTable d) {
            return new DropTableStatement(Tables.keyspaceOf(d.table(), keyspace), d);
        }
        if (raw instanceof RawStatement.CreateType c) {
            return new CreateTypeStatement(Tables.keyspaceOf(c.type(), keyspace), c);
        }
        if (raw instanceof RawStatement.AlterType a) {
            return new AlterTypeStatement(Tables.keyspaceOf(a.type(), keyspace), a);
        }
        if (raw instanceof RawStatement.DropType d) {
            return new DropTypeStatement(Tables.keyspaceOf(d.type(), keyspace), d);
        }
        if (raw instanceof RawStatement.Describe d) {
            return new DescribeStatement(d);
        }
        if (raw instanceof RawStatement.Truncate t) {
            return TruncateStatement.prepare(t, context, keyspace);
        }
        throw new InvalidRequestException(raw.kind() + " statements are not supported yet");
    }
}

package org.ringlet.cql.statements.describe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;

import static java.util.Objects.requireNonNull;

/**
 * {@code DESCRIBE ...} answered by the node, as Cassandra 4.0+ does: listings give {@code keyspace_name, type,
 * name}, elements also {@code create_statement}; DESCRIBE CLUSTER gives the cluster, partitioner, snitch and, with a
 * current keyspace, its range ownership. Results are paged by row; a page asked for after the schema changed is
 * refused, as Cassandra refuses it. Immutable and thread-safe.
 */
public final class DescribeStatement implements CqlStatement {
    static final String SCHEMA_CHANGED = "The schema has changed since the previous page of the DESCRIBE statement "
            + "result. Please retry the DESCRIBE statement.";
    private static final short PAGING_STATE_VERSION = 1;
    private static final List<ColumnSpec> LIST = List.of(spec("keyspace_name", NativeType.TEXT),
            spec("type", NativeType.TEXT), spec("name", NativeType.TEXT));
    private static final List<ColumnSpec> ELEMENT = List.of(LIST.get(0), LIST.get(1), LIST.get(2),
            spec("create_statement", NativeType.TEXT));

    private final RawStatement.Describe raw;

    public DescribeStatement(RawStatement.Describe raw) {
        this.raw = requireNonNull(raw, "raw is null");
    }

    static ColumnSpec spec(String name, CqlType type) {
        return new ColumnSpec("system", "describe", name, type);
    }

    @Override
    public List<ColumnSpec> bindVariables() {
        return List.of();
    }

    @Override
    public List<ColumnSpec> resultColumns() {
        return switch (raw.what()) {
            case KEYSPACES, TABLES, TYPES, FUNCTIONS, AGGREGATES -> LIST;
            case CLUSTER -> DescribeCluster.COLUMNS;
            default -> ELEMENT;
        };
    }

    @Override
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            String current = options.keyspace() != null ? options.keyspace() : client.keyspace().orElse(null);
            Described described;
            if (raw.what() == RawStatement.DescribeKind.CLUSTER) {
                DescribeCluster cluster = new DescribeCluster(context, current);
                described = new Described(cluster.columns(), List.of(cluster.row()));
            } else {
                SchemaElements elements = new SchemaElements(context.schema(), current);
                List<SchemaElements.Element> found = elements.describe(raw);
                boolean withCql = resultColumns() == ELEMENT;
                List<List<ByteBuffer>> rows = new ArrayList<>(found.size());
                for (SchemaElements.Element e : found) {
                    rows.add(e.row(withCql, raw.internals()));
                }
                described = new Described(withCql ? ELEMENT : LIST, rows);
            }
            return CompletableFuture.completedFuture(Response.of(page(described, context.schema().version(),
                    options)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private record Described(List<ColumnSpec> columns, List<List<ByteBuffer>> rows) {
    }

    /** The page the options ask for: rows after the offset the paging state holds. */
    private static Result.Rows page(Described d, UUID schemaVersion, QueryOptions options) {
        long offset = 0;
        if (options.pagingState() != null) {
            ByteBuffer state = options.pagingState().duplicate();
            if (state.remaining() != 2 + 16 + 8 || state.getShort() != PAGING_STATE_VERSION) {
                throw new InvalidRequestException("Invalid paging state.");
            }
            UUID version = new UUID(state.getLong(), state.getLong());
            if (!version.equals(schemaVersion)) {
                throw new InvalidRequestException(SCHEMA_CHANGED);
            }
            offset = state.getLong();
        }
        int size = options.pageSize();
        int from = (int) Math.min(offset, d.rows().size());
        int to = size > 0 ? (int) Math.min((long) from + size, d.rows().size()) : d.rows().size();
        List<List<ByteBuffer>> rows = d.rows().subList(from, to);
        ByteBuffer next = null;
        if (size > 0 && rows.size() == size) {
            next = ByteBuffer.allocate(2 + 16 + 8).putShort(PAGING_STATE_VERSION)
                    .putLong(schemaVersion.getMostSignificantBits()).putLong(schemaVersion.getLeastSignificantBits())
                    .putLong(to).flip();
        }
        return new Result.Rows(d.columns(), List.copyOf(rows), next, null);
    }
}

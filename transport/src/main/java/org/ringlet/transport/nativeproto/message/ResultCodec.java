package org.ringlet.transport.nativeproto.message;

import java.nio.ByteBuffer;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

/**
 * Encodes RESULT bodies (section 4.2.5): {@code [int] kind} then Void, Rows (metadata, row count, values),
 * Set_keyspace, Prepared (id, v5 result-metadata id, bind-marker metadata with partition-key indexes, result
 * metadata) or Schema_change.
 */
public final class ResultCodec implements ResponseCodec<ResponseMessage.ResultMessage> {
    static final ResultCodec INSTANCE = new ResultCodec();

    public static final int KIND_VOID = 0x0001;
    public static final int KIND_ROWS = 0x0002;
    public static final int KIND_SET_KEYSPACE = 0x0003;
    public static final int KIND_PREPARED = 0x0004;
    public static final int KIND_SCHEMA_CHANGE = 0x0005;

    public static final int FLAG_GLOBAL_TABLES_SPEC = 0x0001;
    public static final int FLAG_HAS_MORE_PAGES = 0x0002;
    public static final int FLAG_NO_METADATA = 0x0004;
    /** v5: the result metadata changed since PREPARE; the new result-metadata id follows the paging state. */
    public static final int FLAG_METADATA_CHANGED = 0x0008;

    private ResultCodec() {
    }

    @Override
    public void encode(ResponseMessage.ResultMessage message, ByteBuf out, ProtocolVersion version) {
        Result result = message.result();
        if (result instanceof Result.Void) {
            out.writeInt(KIND_VOID);
        } else if (result instanceof Result.Rows rows) {
            out.writeInt(KIND_ROWS);
            writeRows(rows, message.skipMetadata(), out, version);
        } else if (result instanceof Result.SetKeyspace sk) {
            out.writeInt(KIND_SET_KEYSPACE);
            Wire.writeString(sk.keyspace(), out);
        } else if (result instanceof Result.Prepared prepared) {
            out.writeInt(KIND_PREPARED);
            writePrepared(prepared, out, version);
        } else if (result instanceof Result.SchemaChangeResult sc) {
            out.writeInt(KIND_SCHEMA_CHANGE);
            writeSchemaChange(sc.change(), out, version);
        } else {
            throw new IllegalArgumentException("Unknown result " + result);
        }
    }

    private static void writeRows(Result.Rows rows, boolean skipMetadata, ByteBuf out, ProtocolVersion version) {
        List<ColumnSpec> columns = rows.columns();
        // v5: when the columns changed since the client prepared, it gets the new id and the full metadata.
        byte[] newMetadataId = version.isAtLeast(ProtocolVersion.V5) ? rows.metadataId() : null;
        writeResultMetadata(columns, rows.pagingState(), newMetadataId, skipMetadata && newMetadataId == null, out,
                version);
        out.writeInt(rows.rows().size());
        int width = columns.size();
        int index = 0;
        for (List<ByteBuffer> row : rows.rows()) {
            if (row.size() != width) {
                throw new IllegalArgumentException("Row " + index + " has " + row.size() + " values for "
                        + width + " columns");
            }
            for (ByteBuffer value : row) {
                Wire.writeBytes(value, out);
            }
            index++;
        }
    }

    /**
     * {@code <flags><columns_count>[<paging_state>][<new_metadata_id>][<global_table_spec>?<col_spec_1>…
     * <col_spec_n>]}.
     *
     * @param pagingState   the state of the next page, or null on the last page
     * @param newMetadataId the new result-metadata id (v5, Metadata_changed), or null
     * @param noMetadata    whether to leave out the column specifications (the client asked to skip them)
     */
    static void writeResultMetadata(List<ColumnSpec> columns, ByteBuffer pagingState, byte[] newMetadataId,
                                    boolean noMetadata, ByteBuf out, ProtocolVersion version) {
        boolean global = !noMetadata && sameTable(columns);
        int flags = (global ? FLAG_GLOBAL_TABLES_SPEC : 0) | (pagingState != null ? FLAG_HAS_MORE_PAGES : 0)
                | (noMetadata ? FLAG_NO_METADATA : 0) | (newMetadataId != null ? FLAG_METADATA_CHANGED : 0);
        out.writeInt(flags);
        out.writeInt(columns.size());
        if (pagingState != null) {
            Wire.writeBytes(pagingState, out);
        }
        if (newMetadataId != null) {
            Wire.writeShortBytes(newMetadataId, out);
        }
        if (!noMetadata) {
            writeColumnSpecs(columns, global, out, version);
        }
    }

    private static void writePrepared(Result.Prepared prepared, ByteBuf out, ProtocolVersion version) {
        Wire.writeShortBytes(prepared.id(), out);
        if (version.isAtLeast(ProtocolVersion.V5)) {
            Wire.writeShortBytes(prepared.resultMetadataId(), out);
        }
        List<ColumnSpec> bind = prepared.bindVariables();
        boolean global = sameTable(bind);
        out.writeInt(global ? FLAG_GLOBAL_TABLES_SPEC : 0);
        out.writeInt(bind.size());
        if (version.isAtLeast(ProtocolVersion.V4)) {
            List<Integer> pk = prepared.partitionKeyIndexes();
            out.writeInt(pk.size());
            for (int index : pk) {
                if (index < 0 || index >= bind.size()) {
                    throw new IllegalArgumentException("Partition key index " + index + " is not one of the "
                            + bind.size() + " bind markers");
                }
                out.writeShort(index);
            }
        }
        writeColumnSpecs(bind, global, out, version);
        // Statements that return no rows describe an empty result: No_metadata and zero columns.
        List<ColumnSpec> resultColumns = prepared.resultColumns();
        writeResultMetadata(resultColumns, null, null, resultColumns.isEmpty(), out, version);
    }

    private static void writeColumnSpecs(List<ColumnSpec> columns, boolean global, ByteBuf out,
                                         ProtocolVersion version) {
        if (global) {
            Wire.writeString(columns.get(0).keyspace(), out);
            Wire.writeString(columns.get(0).table(), out);
        }
        for (ColumnSpec c : columns) {
            if (!global) {
                Wire.writeString(c.keyspace(), out);
                Wire.writeString(c.table(), out);
            }
            Wire.writeString(c.name(), out);
            TypeCodec.write(c.type(), out, version);
        }
    }

    private static boolean sameTable(List<ColumnSpec> columns) {
        if (columns.isEmpty()) {
            return false;
        }
        String ks = columns.get(0).keyspace();
        String table = columns.get(0).table();
        for (ColumnSpec c : columns) {
            if (!c.keyspace().equals(ks) || !c.table().equals(table)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code <change_type><target><options>}, the body of a Schema_change result and, after the event type, of a
     * SCHEMA_CHANGE event. Protocol v3 cannot describe functions and aggregates: it reports their keyspace as
     * updated instead, as Cassandra does.
     */
    static void writeSchemaChange(SchemaChange change, ByteBuf out, ProtocolVersion version) {
        SchemaChange.Target target = change.target();
        boolean routine = target == SchemaChange.Target.FUNCTION || target == SchemaChange.Target.AGGREGATE;
        if (routine && !version.isAtLeast(ProtocolVersion.V4)) {
            Wire.writeString(SchemaChange.Change.UPDATED.name(), out);
            Wire.writeString(SchemaChange.Target.KEYSPACE.name(), out);
            Wire.writeString(change.keyspace(), out);
            return;
        }
        Wire.writeString(change.change().name(), out);
        Wire.writeString(target.name(), out);
        Wire.writeString(change.keyspace(), out);
        if (target != SchemaChange.Target.KEYSPACE) {
            Wire.writeString(change.name(), out);
        }
        if (routine) {
            Wire.writeStringList(change.argumentTypes(), out);
        }
    }
}

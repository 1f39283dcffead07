package org.ringlet.cql.statements.select;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.error.ProtocolException;

import static java.util.Objects.requireNonNull;

/**
 * Where the next page of a query starts: after the given row of the given partition (or after the whole
 * partition), with how many rows the query's LIMIT still allows. Clients treat the serialized form as opaque and
 * send it back verbatim, possibly to another node.
 *
 * @param partitionKey the serialized partition key of the last row examined
 * @param clustering   the clustering of the last row examined, or null when the whole partition was examined
 * @param remaining    how many more rows (or groups) the query's LIMIT allows
 * @param inPartition  how many rows (or groups) were already returned from that partition (for PER PARTITION
 *                     LIMIT)
 */
public record PagingState(ByteBuffer partitionKey, Clustering clustering, int remaining, int inPartition) {
    private static final byte VERSION = 2;

    public PagingState {
        partitionKey = requireNonNull(partitionKey, "partitionKey is null").asReadOnlyBuffer();
    }

    /**
     * The serialized form: a version byte, the key, the clustering values (or -1), the remaining count, the count
     * within the partition.
     */
    public ByteBuffer serialize() {
        int size = 1 + 4 + partitionKey.remaining() + 4 + 4 + 4;
        if (clustering != null) {
            for (ByteBuffer v : clustering.values()) {
                size += 4 + v.remaining();
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION);
        out.putInt(partitionKey.remaining()).put(partitionKey.duplicate());
        if (clustering == null) {
            out.putInt(-1);
        } else {
            out.putInt(clustering.size());
            for (ByteBuffer v : clustering.values()) {
                out.putInt(v.remaining()).put(v);
            }
        }
        out.putInt(remaining);
        out.putInt(inPartition);
        return out.flip();
    }

    /**
     * Reads a serialized state.
     *
     * @throws ProtocolException when the bytes are not a paging state of this node's making
     */
    public static PagingState deserialize(ByteBuffer bytes) {
        ByteBuffer in = bytes.duplicate();
        try {
            byte version = in.get();
            if (version != VERSION && version != 1) {
                throw invalid();
            }
            ByteBuffer key = slice(in, in.getInt());
            int n = in.getInt();
            Clustering clustering = null;
            if (n >= 0) {
                List<ByteBuffer> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(slice(in, in.getInt()));
                }
                clustering = Clustering.of(values);
            } else if (n != -1) {
                throw invalid();
            }
            int remaining = in.getInt();
            int inPartition = version == 1 ? 0 : in.getInt();
            if (in.hasRemaining() || remaining < 0 || inPartition < 0) {
                throw invalid();
            }
            return new PagingState(key, clustering, remaining, inPartition);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ByteBuffer slice(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw invalid();
        }
        ByteBuffer s = in.slice(in.position(), length);
        in.position(in.position() + length);
        return s;
    }

    private static ProtocolException invalid() {
        return new ProtocolException("Invalid value for the paging state");
    }
}

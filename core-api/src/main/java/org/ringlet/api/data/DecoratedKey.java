package org.ringlet.api.data;

import java.nio.ByteBuffer;

import org.ringlet.api.ring.Token;

import static java.util.Objects.requireNonNull;

/**
 * A serialized partition key with its token. Partitions are ordered by token, then by the key's unsigned bytes.
 *
 * @param token the key's token under the cluster's partitioner
 * @param key   the serialized partition key (read-only)
 */
public record DecoratedKey(Token token, ByteBuffer key) implements Comparable<DecoratedKey> {
    public DecoratedKey {
        requireNonNull(token, "token is null");
        key = requireNonNull(key, "key is null").asReadOnlyBuffer();
    }

    /** A view of the key bytes whose position the caller may change. */
    @Override
    public ByteBuffer key() {
        return key.duplicate();
    }

    @Override
    public int compareTo(DecoratedKey o) {
        int c = token.compareTo(o.token);
        return c != 0 ? c : Bytes.compareUnsigned(key, o.key);
    }

    @Override
    public String toString() {
        return "DecoratedKey(" + token + ", " + Bytes.toHex(key) + ")";
    }
}

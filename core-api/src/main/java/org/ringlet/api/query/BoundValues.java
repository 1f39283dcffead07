package org.ringlet.api.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * The values bound to a statement's markers, in marker order: each is a serialized value, null, or unset
 * (protocol v4+ length -2, meaning "leave this column alone"). Immutable.
 */
public final class BoundValues {
    private static final BoundValues NONE = new BoundValues(List.of(), new BitSet(), null);

    private final List<ByteBuffer> values;
    private final BitSet unset;
    private final List<String> names;

    private BoundValues(List<ByteBuffer> values, BitSet unset, List<String> names) {
        this.values = values;
        this.unset = unset;
        this.names = names;
    }

    /** No values. */
    public static BoundValues none() {
        return NONE;
    }

    /**
     * Values by position.
     *
     * @param values the values, null entries being nulls
     * @param unset  the positions that are unset (copied)
     */
    public static BoundValues of(List<ByteBuffer> values, BitSet unset) {
        List<ByteBuffer> copy = new ArrayList<>(values.size());
        for (ByteBuffer v : values) {
            copy.add(v == null ? null : v.asReadOnlyBuffer());
        }
        return new BoundValues(Collections.unmodifiableList(copy), (BitSet) unset.clone(), null);
    }

    /** Values by name (QUERY with the names flag), in the order given. */
    public static BoundValues named(List<String> names, List<ByteBuffer> values, BitSet unset) {
        BoundValues v = of(values, unset);
        return new BoundValues(v.values, v.unset, List.copyOf(names));
    }

    public int size() {
        return values.size();
    }

    /** The value at a position (a view the caller may reposition), or null for a null or unset value. */
    public ByteBuffer get(int i) {
        ByteBuffer v = values.get(i);
        return v == null ? null : v.duplicate();
    }

    public boolean isUnset(int i) {
        return unset.get(i);
    }

    /** The names of named values, or null when the values are positional. */
    public List<String> names() {
        return names;
    }
}

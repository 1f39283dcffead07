package org.ringlet.api.data;

import static java.util.Objects.requireNonNull;

/**
 * A deletion of every row in a clustering slice of one partition (e.g. {@code DELETE … WHERE pk = 1 AND ck > 5}).
 *
 * @param slice    the deleted clusterings
 * @param deletion when they were deleted
 */
public record RangeTombstone(Slice slice, DeletionTime deletion) {
    public RangeTombstone {
        requireNonNull(slice, "slice is null");
        requireNonNull(deletion, "deletion is null");
    }
}

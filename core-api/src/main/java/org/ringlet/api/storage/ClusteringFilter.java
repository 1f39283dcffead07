package org.ringlet.api.storage;

import org.ringlet.api.data.Slices;

import static java.util.Objects.requireNonNull;

/**
 * Which rows of a partition a read wants, and in which direction.
 *
 * @param slices   the clustering slices
 * @param reversed whether rows come in reverse clustering order
 */
public record ClusteringFilter(Slices slices, boolean reversed) {
    /** Every row, in clustering order. */
    public static final ClusteringFilter ALL = new ClusteringFilter(Slices.ALL, false);

    public ClusteringFilter {
        requireNonNull(slices, "slices is null");
    }
}

package org.ringlet.storage.lsm.memtable;

import java.util.Comparator;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.ClusteringComparator;

import static java.util.Objects.requireNonNull;

/**
 * Orders a map whose keys are {@link Clustering}s and whose range bounds may be {@link ClusteringBound}s, so that
 * a slice's rows are a sub-map. A bound never equals a clustering.
 */
final class ClusteringKeyComparator implements Comparator<Object> {
    private final ClusteringComparator comparator;

    ClusteringKeyComparator(ClusteringComparator comparator) {
        this.comparator = requireNonNull(comparator, "comparator is null");
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof Clustering ca) {
            return b instanceof Clustering cb ? comparator.compare(ca, cb)
                    : comparator.compare(ca, (ClusteringBound) b);
        }
        ClusteringBound ba = (ClusteringBound) a;
        return b instanceof Clustering cb ? comparator.compare(ba, cb) : comparator.compare(ba, (ClusteringBound) b);
    }
}

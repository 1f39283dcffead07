package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.query.BoundValues;

/**
 * Builds the rows of one result: each row added becomes a result row; for an aggregate query without GROUP BY,
 * every row feeds the aggregates of the single result row; with GROUP BY, the rows of each group make one result
 * row. Not thread-safe.
 */
public final class ResultBuilder {
    private final Selection selection;
    private final boolean grouped;
    private final List<Selector> selectors = new ArrayList<>();
    private final List<List<ByteBuffer>> rows = new ArrayList<>();
    private boolean groupHasRows;

    ResultBuilder(Selection selection, boolean grouped, BoundValues values) {
        this.selection = selection;
        this.grouped = grouped;
        selection.selectors().forEach(f -> selectors.add(f.newInstance(values)));
    }

    /** With GROUP BY: the rows added from now on belong to a new group. */
    public void startGroup() {
        if (grouped && groupHasRows) {
            rows.add(selection.outputOf(selectors));
            selectors.forEach(Selector::reset);
            groupHasRows = false;
        }
    }

    /** Adds a row read. */
    public void add(RowView row) {
        for (Selector s : selectors) {
            s.addInput(row);
        }
        if (grouped) {
            groupHasRows = true;
        } else if (!selection.isAggregate()) {
            rows.add(selection.outputOf(selectors));
            selectors.forEach(Selector::reset);
        }
    }

    /** The number of result rows so far (an aggregate query has its one row only at the end). */
    public int size() {
        return rows.size();
    }

    /**
     * The result rows; for an aggregate query without GROUP BY, the one row over every row added (even none); with
     * GROUP BY, a row per group (none without rows).
     */
    public List<List<ByteBuffer>> build() {
        if (grouped) {
            startGroup();
            return rows;
        }
        if (selection.isAggregate()) {
            List<List<ByteBuffer>> one = new ArrayList<>(1);
            one.add(selection.outputOf(selectors));
            return one;
        }
        return rows;
    }
}

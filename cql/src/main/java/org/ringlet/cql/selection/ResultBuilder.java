package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the rows of one result: each row added becomes a result row, or, for an aggregate query, feeds the
 * aggregates that make the single result row. Not thread-safe.
 */
public final class ResultBuilder {
    private final Selection selection;
    private final List<Selector> selectors = new ArrayList<>();
    private final List<List<ByteBuffer>> rows = new ArrayList<>();

    ResultBuilder(Selection selection) {
        this.selection = selection;
        selection.selectors().forEach(f -> selectors.add(f.newInstance()));
    }

    /** Adds a row read. */
    public void add(RowView row) {
        for (Selector s : selectors) {
            s.addInput(row);
        }
        if (!selection.isAggregate()) {
            rows.add(selection.outputOf(selectors));
            selectors.forEach(Selector::reset);
        }
    }

    /** The number of result rows so far (an aggregate query has its one row only at the end). */
    public int size() {
        return rows.size();
    }

    /** The result rows; for an aggregate query, the one row over every row added (even none). */
    public List<List<ByteBuffer>> build() {
        if (selection.isAggregate()) {
            List<List<ByteBuffer>> one = new ArrayList<>(1);
            one.add(selection.outputOf(selectors));
            return one;
        }
        return rows;
    }
}

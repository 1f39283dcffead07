package org.ringlet.storage.lsm.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Merges sorted iterators into one sorted stream of groups: each group holds the equal elements of all inputs,
 * in input order. Not thread-safe.
 *
 * @param <T> the element type
 */
public final class MergeIterator<T> implements Iterator<List<T>> {
    private final Comparator<? super T> comparator;
    private final PriorityQueue<Head<T>> heads;

    private static final class Head<T> {
        final Iterator<? extends T> it;
        final int index;
        T current;

        Head(Iterator<? extends T> it, int index) {
            this.it = it;
            this.index = index;
        }
    }

    public MergeIterator(List<? extends Iterator<? extends T>> inputs, Comparator<? super T> comparator) {
        this.comparator = comparator;
        this.heads = new PriorityQueue<>(Math.max(1, inputs.size()), (a, b) -> {
            int c = comparator.compare(a.current, b.current);
            return c != 0 ? c : Integer.compare(a.index, b.index);
        });
        for (int i = 0; i < inputs.size(); i++) {
            Head<T> h = new Head<>(inputs.get(i), i);
            if (h.it.hasNext()) {
                h.current = h.it.next();
                heads.add(h);
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public List<T> next() {
        if (heads.isEmpty()) {
            throw new NoSuchElementException();
        }
        Head<T> first = heads.poll();
        T value = first.current;
        advance(first);
        if (heads.isEmpty() || comparator.compare(heads.peek().current, value) != 0) {
            return List.of(value); // the usual case of a key or row in one input only
        }
        List<T> group = new ArrayList<>(2);
        group.add(value);
        while (!heads.isEmpty() && comparator.compare(heads.peek().current, value) == 0) {
            Head<T> h = heads.poll();
            group.add(h.current);
            advance(h);
        }
        return group;
    }

    private void advance(Head<T> h) {
        if (h.it.hasNext()) {
            h.current = h.it.next();
            heads.add(h);
        }
    }
}

package org.ringlet.storage.lsm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.ringlet.api.storage.TableObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link TableObserver}s; a failing observer is logged and skipped. Thread-safe. */
final class Observers {
    private static final Logger LOG = LoggerFactory.getLogger(Observers.class);
    private final List<TableObserver> observers = new CopyOnWriteArrayList<>();

    void add(TableObserver o) {
        observers.add(o);
    }

    void remove(TableObserver o) {
        observers.remove(o);
    }

    boolean isEmpty() {
        return observers.isEmpty();
    }

    void notify(Consumer<TableObserver> event) {
        for (TableObserver o : observers) {
            try {
                event.accept(o);
            } catch (RuntimeException e) {
                LOG.warn("Table observer {} failed", o, e);
            }
        }
    }
}

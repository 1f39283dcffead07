package org.ringlet.storage.lsm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.sstable.SSTableReader;

/**
 * An immutable snapshot of what a table's reads merge: the memtable taking writes, the memtables being flushed
 * (oldest first) and the live SSTables (by generation). Replaced atomically by flushes and compactions.
 *
 * @param memtable  the memtable taking writes
 * @param flushing  memtables switched out and not yet flushed, oldest first
 * @param sstables  the live SSTables
 */
record View(Memtable memtable, List<Memtable> flushing, List<SSTableReader> sstables) {
    View {
        flushing = List.copyOf(flushing);
        sstables = List.copyOf(sstables);
    }

    /** The current memtable moves to the flushing list and {@code fresh} takes writes. */
    View switchMemtable(Memtable fresh) {
        List<Memtable> f = new ArrayList<>(flushing);
        f.add(memtable);
        return new View(fresh, f, sstables);
    }

    /** A flushed memtable leaves; its SSTable (if any) joins. */
    View flushed(Memtable done, SSTableReader result) {
        List<Memtable> f = new ArrayList<>(flushing);
        f.remove(done);
        List<SSTableReader> s = new ArrayList<>(sstables);
        if (result != null) {
            s.add(result);
            s.sort(null);
        }
        return new View(memtable, f, s);
    }

    /** SSTables replaced (a compaction, a truncation, a quarantine). */
    View replace(Collection<SSTableReader> removed, Collection<SSTableReader> added) {
        List<SSTableReader> s = new ArrayList<>(sstables);
        s.removeAll(removed);
        s.addAll(added);
        s.sort(null);
        return new View(memtable, flushing, s);
    }

    /** Every memtable, current first. */
    List<Memtable> allMemtables() {
        List<Memtable> all = new ArrayList<>(flushing.size() + 1);
        all.add(memtable);
        for (int i = flushing.size() - 1; i >= 0; i--) {
            all.add(flushing.get(i));
        }
        return all;
    }
}

package org.ringlet.storage.lsm.manifest;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.types.VInts;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;

/**
 * One atomic change of a table's live set. Serialized as tagged entries (see {@code docs/format/manifest.md});
 * the tags are part of the format and never change.
 *
 * <p>Entries are kept sorted by generation, so an edit always serializes to the same bytes.
 *
 * @param added          SSTables added, generation → level
 * @param removed        generations removed
 * @param levels         level changes of live SSTables, generation → level
 * @param flushedUpTo    the commit log position the table is now flushed up to, or null
 * @param nextGeneration the next generation to use, or -1 for no change
 */
public record ManifestEdit(Map<Long, Integer> added, Set<Long> removed, Map<Long, Integer> levels,
                           CommitLogPosition flushedUpTo, long nextGeneration, Map<Long, KeyRange> quarantined,
                           Set<Long> lifted) {

    /**
     * The partition keys a quarantined SSTable covered.
     *
     * @param first the first key, or null when unknown (the whole ring)
     * @param last  the last key, or null when unknown (the whole ring)
     */
    public record KeyRange(ByteBuffer first, ByteBuffer last) {
        public KeyRange {
            first = first == null ? null : first.asReadOnlyBuffer();
            last = last == null ? null : last.asReadOnlyBuffer();
        }
    }

    static final int TAG_ADD = 1;
    static final int TAG_REMOVE = 2;
    static final int TAG_FLUSHED = 3;
    static final int TAG_LEVEL = 4;
    static final int TAG_NEXT_GENERATION = 5;
    static final int TAG_QUARANTINE = 6;
    static final int TAG_LIFT = 7;

    public ManifestEdit {
        added = Collections.unmodifiableMap(new TreeMap<>(added));
        removed = Collections.unmodifiableSet(new TreeSet<>(removed));
        levels = Collections.unmodifiableMap(new TreeMap<>(levels));
        quarantined = Collections.unmodifiableMap(new TreeMap<>(quarantined));
        lifted = Collections.unmodifiableSet(new TreeSet<>(lifted));
    }

    public ManifestEdit(Map<Long, Integer> added, Set<Long> removed, Map<Long, Integer> levels,
                        CommitLogPosition flushedUpTo, long nextGeneration) {
        this(added, removed, levels, flushedUpTo, nextGeneration, Map.of(), Set.of());
    }

    /** An edit taking an SSTable out of the live set into quarantine. */
    public static ManifestEdit quarantine(long generation, KeyRange range) {
        return new ManifestEdit(Map.of(), Set.of(generation), Map.of(), null, -1, Map.of(generation, range),
                Set.of());
    }

    /** An edit ending quarantines (their files were removed). */
    public static ManifestEdit lift(Set<Long> generations) {
        return new ManifestEdit(Map.of(), Set.of(), Map.of(), null, -1, Map.of(), generations);
    }

    /** An edit adding one SSTable (a flush). */
    public static ManifestEdit flush(long generation, int level, CommitLogPosition flushedUpTo) {
        return new ManifestEdit(generation < 0 ? Map.of() : Map.of(generation, level), Set.of(), Map.of(),
                flushedUpTo, -1);
    }

    /** An edit replacing SSTables (a compaction). */
    public static ManifestEdit replace(Set<Long> removed, Map<Long, Integer> added) {
        return new ManifestEdit(added, removed, Map.of(), null, -1);
    }

    ByteBuffer serialize() {
        ByteOutput out = new ByteOutput(64);
        added.forEach((g, l) -> out.writeByte(TAG_ADD).writeUnsignedVInt(g).writeUnsignedVInt(l));
        removed.forEach(g -> out.writeByte(TAG_REMOVE).writeUnsignedVInt(g));
        levels.forEach((g, l) -> out.writeByte(TAG_LEVEL).writeUnsignedVInt(g).writeUnsignedVInt(l));
        if (flushedUpTo != null) {
            out.writeByte(TAG_FLUSHED).writeUnsignedVInt(flushedUpTo.segmentId())
                    .writeUnsignedVInt(flushedUpTo.offset());
        }
        if (nextGeneration >= 0) {
            out.writeByte(TAG_NEXT_GENERATION).writeUnsignedVInt(nextGeneration);
        }
        quarantined.forEach((g, r) -> {
            out.writeByte(TAG_QUARANTINE).writeUnsignedVInt(g);
            writeOptional(out, r.first());
            writeOptional(out, r.last());
        });
        lifted.forEach(g -> out.writeByte(TAG_LIFT).writeUnsignedVInt(g));
        return out.toByteBuffer();
    }

    private static void writeOptional(ByteOutput out, ByteBuffer b) {
        if (b == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1).writeWithVIntLength(b);
        }
    }

    private static ByteBuffer readOptional(ByteBuffer in) {
        if (in.get() == 0) {
            return null;
        }
        ByteBuffer b = org.ringlet.api.data.DataSerializer.readWithVIntLength(in);
        ByteBuffer copy = ByteBuffer.allocate(b.remaining());
        copy.put(b).flip();
        return copy;
    }

    static ManifestEdit deserialize(ByteBuffer in) {
        Map<Long, KeyRange> quarantined = new LinkedHashMap<>();
        Set<Long> lifted = new LinkedHashSet<>();
        Map<Long, Integer> added = new LinkedHashMap<>();
        Set<Long> removed = new LinkedHashSet<>();
        Map<Long, Integer> levels = new LinkedHashMap<>();
        CommitLogPosition flushed = null;
        long next = -1;
        while (in.hasRemaining()) {
            int tag = in.get();
            switch (tag) {
                case TAG_ADD -> added.put(VInts.readUnsigned(in), (int) VInts.readUnsigned(in));
                case TAG_REMOVE -> removed.add(VInts.readUnsigned(in));
                case TAG_LEVEL -> levels.put(VInts.readUnsigned(in), (int) VInts.readUnsigned(in));
                case TAG_FLUSHED -> flushed = new CommitLogPosition(VInts.readUnsigned(in),
                        (int) VInts.readUnsigned(in));
                case TAG_NEXT_GENERATION -> next = VInts.readUnsigned(in);
                case TAG_QUARANTINE -> {
                    long g = VInts.readUnsigned(in);
                    ByteBuffer first = readOptional(in);
                    quarantined.put(g, new KeyRange(first, readOptional(in)));
                }
                case TAG_LIFT -> lifted.add(VInts.readUnsigned(in));
                default -> throw new IllegalArgumentException("unknown manifest tag " + tag);
            }
        }
        return new ManifestEdit(added, removed, levels, flushed, next, quarantined, lifted);
    }
}

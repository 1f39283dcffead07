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
                           CommitLogPosition flushedUpTo, long nextGeneration) {
    static final int TAG_ADD = 1;
    static final int TAG_REMOVE = 2;
    static final int TAG_FLUSHED = 3;
    static final int TAG_LEVEL = 4;
    static final int TAG_NEXT_GENERATION = 5;

    public ManifestEdit {
        added = Collections.unmodifiableMap(new TreeMap<>(added));
        removed = Collections.unmodifiableSet(new TreeSet<>(removed));
        levels = Collections.unmodifiableMap(new TreeMap<>(levels));
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
        return out.toByteBuffer();
    }

    static ManifestEdit deserialize(ByteBuffer in) {
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
                default -> throw new IllegalArgumentException("unknown manifest tag " + tag);
            }
        }
        return new ManifestEdit(added, removed, levels, flushed, next);
    }
}

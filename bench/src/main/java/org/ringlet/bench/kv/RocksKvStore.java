package org.ringlet.bench.kv;

import java.nio.file.Files;
import java.nio.file.Path;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * RocksDB with its defaults plus what makes the comparison equal: the write-ahead log on without a sync per write,
 * LZ4 compression (as the engine), a bloom filter of 10 bits per key (the engine's default 1% false positives) and
 * an LRU block cache of the given size.
 */
final class RocksKvStore implements KvStore {
    static {
        RocksDB.loadLibrary();
    }

    private final LRUCache cache;
    private final BloomFilter filter;
    private final Options options;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final RocksDB db;

    RocksKvStore(Path dir, long cacheBytes, long writeBuffer) throws Exception {
        Files.createDirectories(dir);
        cache = new LRUCache(cacheBytes);
        filter = new BloomFilter(10, false);
        BlockBasedTableConfig tableConfig = new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter);
        options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(writeBuffer).setTableFormatConfig(tableConfig);
        writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
        readOptions = new ReadOptions();
        db = RocksDB.open(options, dir.toString());
    }

    private static byte[] key(long k) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) k;
            k >>>= 8;
        }
        return b;
    }

    @Override
    public void put(long k, byte[] value) throws Exception {
        db.put(writeOptions, key(k), value);
    }

    @Override
    public int get(long k) throws Exception {
        byte[] v = db.get(readOptions, key(k));
        return v == null ? -1 : v.length;
    }

    @Override
    public long scanAll(int valueSize) {
        long count = 0;
        try (RocksIterator it = db.newIterator(readOptions)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] v = it.value();
                if (it.key().length != 8 || v.length != valueSize) {
                    throw new IllegalStateException("bad entry");
                }
                count++;
            }
        }
        return count;
    }

    @Override
    public void settle() throws Exception {
        try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
            db.flush(f);
        }
        int quiet = 0;
        while (quiet < 3) {
            Thread.sleep(200);
            boolean idle = db.getLongProperty("rocksdb.num-running-compactions") == 0
                    && db.getLongProperty("rocksdb.compaction-pending") == 0
                    && db.getLongProperty("rocksdb.num-running-flushes") == 0;
            quiet = idle ? quiet + 1 : 0;
        }
    }

    @Override
    public String describe() throws Exception {
        return db.getProperty("rocksdb.num-live-versions").isEmpty() ? "" : liveFiles() + " sst files, "
                + (db.getLongProperty("rocksdb.total-sst-files-size") >> 20) + " MiB";
    }

    private int liveFiles() {
        return db.getLiveFilesMetaData().size();
    }

    @Override
    public void close() {
        db.close();
        readOptions.close();
        writeOptions.close();
        options.close();
        filter.close();
        cache.close();
    }
}

package org.ringlet.cql.schema;

import java.nio.ByteBuffer;
import java.util.Map;

import org.ringlet.api.schema.TableParams;

/** Builds a {@link TableParams} from another one, changing some options. Not thread-safe. */
public final class TableParamsBuilder {
    private String additionalWritePolicy;
    private boolean allowAutoSnapshot;
    private double bloomFilterFpChance;
    private Map<String, String> caching;
    private boolean cdc;
    private String comment;
    private Map<String, String> compaction;
    private Map<String, String> compression;
    private double crcCheckChance;
    private int defaultTimeToLive;
    private Map<String, ByteBuffer> extensions;
    private int gcGraceSeconds;
    private boolean incrementalBackups;
    private int maxIndexInterval;
    private String memtable;
    private int memtableFlushPeriodInMs;
    private int minIndexInterval;
    private String readRepair;
    private String speculativeRetry;

    public TableParamsBuilder(TableParams p) {
        additionalWritePolicy = p.additionalWritePolicy();
        allowAutoSnapshot = p.allowAutoSnapshot();
        bloomFilterFpChance = p.bloomFilterFpChance();
        caching = p.caching();
        cdc = p.cdc();
        comment = p.comment();
        compaction = p.compaction();
        compression = p.compression();
        crcCheckChance = p.crcCheckChance();
        defaultTimeToLive = p.defaultTimeToLive();
        extensions = p.extensions();
        gcGraceSeconds = p.gcGraceSeconds();
        incrementalBackups = p.incrementalBackups();
        maxIndexInterval = p.maxIndexInterval();
        memtable = p.memtable();
        memtableFlushPeriodInMs = p.memtableFlushPeriodInMs();
        minIndexInterval = p.minIndexInterval();
        readRepair = p.readRepair();
        speculativeRetry = p.speculativeRetry();
    }

    public static TableParamsBuilder defaults() {
        return new TableParamsBuilder(TableParams.defaults());
    }

    public TableParamsBuilder additionalWritePolicy(String v) {
        additionalWritePolicy = v;
        return this;
    }

    public TableParamsBuilder allowAutoSnapshot(boolean v) {
        allowAutoSnapshot = v;
        return this;
    }

    public TableParamsBuilder bloomFilterFpChance(double v) {
        bloomFilterFpChance = v;
        return this;
    }

    public TableParamsBuilder caching(Map<String, String> v) {
        caching = v;
        return this;
    }

    public TableParamsBuilder cdc(boolean v) {
        cdc = v;
        return this;
    }

    public TableParamsBuilder comment(String v) {
        comment = v;
        return this;
    }

    public TableParamsBuilder compaction(Map<String, String> v) {
        compaction = v;
        return this;
    }

    public TableParamsBuilder compression(Map<String, String> v) {
        compression = v;
        return this;
    }

    public TableParamsBuilder crcCheckChance(double v) {
        crcCheckChance = v;
        return this;
    }

    public TableParamsBuilder defaultTimeToLive(int v) {
        defaultTimeToLive = v;
        return this;
    }

    public TableParamsBuilder extensions(Map<String, ByteBuffer> v) {
        extensions = v;
        return this;
    }

    public TableParamsBuilder gcGraceSeconds(int v) {
        gcGraceSeconds = v;
        return this;
    }

    public TableParamsBuilder incrementalBackups(boolean v) {
        incrementalBackups = v;
        return this;
    }

    public TableParamsBuilder maxIndexInterval(int v) {
        maxIndexInterval = v;
        return this;
    }

    public TableParamsBuilder memtable(String v) {
        memtable = v;
        return this;
    }

    public TableParamsBuilder memtableFlushPeriodInMs(int v) {
        memtableFlushPeriodInMs = v;
        return this;
    }

    public TableParamsBuilder minIndexInterval(int v) {
        minIndexInterval = v;
        return this;
    }

    public TableParamsBuilder readRepair(String v) {
        readRepair = v;
        return this;
    }

    public TableParamsBuilder speculativeRetry(String v) {
        speculativeRetry = v;
        return this;
    }

    public TableParams build() {
        return new TableParams(additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc, comment,
                compaction, compression, crcCheckChance, defaultTimeToLive, extensions, gcGraceSeconds,
                incrementalBackups, maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval,
                readRepair, speculativeRetry);
    }
}

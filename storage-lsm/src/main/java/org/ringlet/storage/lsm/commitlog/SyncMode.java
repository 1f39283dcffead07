package org.ringlet.storage.lsm.commitlog;

import java.util.Locale;

import org.ringlet.api.error.ConfigurationException;

/** {@code commitlog_sync}: when writes are acknowledged relative to fsync. */
public enum SyncMode {
    /** Acknowledge at once; fsync every {@code commitlog_sync_period}; block writers when syncing lags 1.5 periods. */
    PERIODIC,
    /** Acknowledge after the fsync covering the write; concurrent writers share one fsync. */
    BATCH,
    /** Acknowledge after the fsync covering the write; fsync every {@code commitlog_sync_group_window}. */
    GROUP;

    /** The mode named by a {@code commitlog_sync} value. */
    public static SyncMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid commitlog_sync '" + value
                    + "': expected one of periodic, batch, group");
        }
    }
}

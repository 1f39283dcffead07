package org.ringlet.tools.cqlsh;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/** The settings a shell session changes as it runs (cqlsh's per-shell attributes). Not thread-safe. */
final class ShellState {
    static final int DEFAULT_PAGE_SIZE = 100;

    String keyspace;
    ConsistencyLevel consistency = DefaultConsistencyLevel.ONE;
    ConsistencyLevel serialConsistency = DefaultConsistencyLevel.SERIAL;
    boolean paging = true;
    int pageSize = DEFAULT_PAGE_SIZE;
    boolean expand;
    boolean tracing;
    boolean statementError;
    int lineno = 1;
    int historyShown = 50;
}

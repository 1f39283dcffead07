package org.ringlet.tools.management;

import java.util.List;
import java.util.Map;

/** The coordinator, registered as {@value ManagementNames#STORAGE_PROXY}. Thread-safe. */
public interface StorageProxyMBean {

    /** Schema version to the addresses of the nodes on it. */
    Map<String, List<String>> getSchemaVersions();

    Map<String, List<String>> getSchemaVersionsWithPort();
}

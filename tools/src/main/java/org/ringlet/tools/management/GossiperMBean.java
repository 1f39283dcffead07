package org.ringlet.tools.management;

import java.util.List;
import java.util.Map;

/** Membership as gossip sees it, registered as {@value ManagementNames#GOSSIPER}. Thread-safe. */
public interface GossiperMBean {

    /** Release version to the addresses (with port) of the nodes running it. */
    Map<String, List<String>> getReleaseVersionsWithPort();
}

package org.ringlet.tools.management;

/** A metric that counts (Cassandra's {@code JmxCounterMBean}), e.g. {@code LiveDiskSpaceUsed}, {@code Exceptions}. */
public interface JmxCounterMBean {
    long getCount();
}

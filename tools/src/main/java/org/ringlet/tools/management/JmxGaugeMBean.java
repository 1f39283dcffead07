package org.ringlet.tools.management;

/** A metric with one value (Cassandra's {@code JmxGaugeMBean}), e.g. {@code LiveSSTableCount}, {@code PendingTasks}. */
public interface JmxGaugeMBean {
    Object getValue();
}

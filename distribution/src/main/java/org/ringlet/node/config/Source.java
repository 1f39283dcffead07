package org.ringlet.node.config;

/** Where an effective configuration value came from, in increasing order of precedence. */
public enum Source {
    DEFAULT("default"),
    FILE("file"),
    ENV("env"),
    FLAG("flag");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    /** The word {@code ringlet config} shows. */
    public String label() {
        return label;
    }
}

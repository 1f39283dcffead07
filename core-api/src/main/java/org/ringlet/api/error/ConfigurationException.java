package org.ringlet.api.error;

/** An invalid configuration: a bad option of a keyspace, a table or the node (0x2300). */
public class ConfigurationException extends RingletException {
    public ConfigurationException(String message) {
        super(ErrorCode.CONFIG_ERROR, message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(ErrorCode.CONFIG_ERROR, message, cause);
    }
}

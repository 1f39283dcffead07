package org.ringlet.node.config;

/**
 * The environment variables of the official Cassandra Docker image, and the setting each overrides. They override
 * the configuration file; command-line flags override them.
 */
public enum DockerVariable {
    CASSANDRA_CLUSTER_NAME(Setting.CLUSTER_NAME),
    CASSANDRA_SEEDS(Setting.SEED_PROVIDER),
    CASSANDRA_DC(Setting.DC),
    CASSANDRA_RACK(Setting.RACK),
    CASSANDRA_ENDPOINT_SNITCH(Setting.ENDPOINT_SNITCH),
    CASSANDRA_NUM_TOKENS(Setting.NUM_TOKENS),
    CASSANDRA_LISTEN_ADDRESS(Setting.LISTEN_ADDRESS),
    CASSANDRA_BROADCAST_ADDRESS(Setting.BROADCAST_ADDRESS),
    CASSANDRA_RPC_ADDRESS(Setting.RPC_ADDRESS),
    CASSANDRA_BROADCAST_RPC_ADDRESS(Setting.BROADCAST_RPC_ADDRESS);

    private final Setting setting;

    DockerVariable(Setting setting) {
        this.setting = setting;
    }

    /** The setting this variable overrides. */
    public Setting setting() {
        return setting;
    }
}

package org.ringlet.node.config;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The cluster and ring settings.
 *
 * @param clusterName         {@code cluster_name}
 * @param numTokens           {@code num_tokens}: vnodes per node
 * @param initialToken        {@code initial_token}: comma-separated tokens, if given
 * @param partitioner         {@code partitioner}: a component name, alias or Cassandra class name
 * @param seeds               the seeds of {@code seed_provider}, as {@code host[:port]}
 * @param phiConvictThreshold {@code phi_convict_threshold} of the failure detector
 */
public record ClusterConfig(String clusterName, int numTokens, Optional<String> initialToken, String partitioner,
                            List<String> seeds, double phiConvictThreshold) {
    public ClusterConfig {
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(initialToken, "initialToken is null");
        requireNonNull(partitioner, "partitioner is null");
        seeds = List.copyOf(requireNonNull(seeds, "seeds is null"));
    }
}

package org.ringlet.node.config;

import static java.util.Objects.requireNonNull;

/**
 * Authentication and authorization.
 *
 * @param authenticator {@code authenticator}: the Cassandra class's simple name, e.g. {@code AllowAllAuthenticator}
 * @param authorizer    {@code authorizer}: the Cassandra class's simple name, e.g. {@code AllowAllAuthorizer}
 */
public record SecurityConfig(String authenticator, String authorizer) {
    public SecurityConfig {
        requireNonNull(authenticator, "authenticator is null");
        requireNonNull(authorizer, "authorizer is null");
    }
}

package org.ringlet.api.query;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A result with the warnings the client should see (the protocol's warning flag).
 *
 * @param result   the result
 * @param warnings warnings, e.g. a replication factor above the number of nodes; possibly empty
 */
public record Response(Result result, List<String> warnings) {
    public Response {
        requireNonNull(result, "result is null");
        warnings = List.copyOf(warnings);
    }

    public static Response of(Result result) {
        return new Response(result, List.of());
    }
}

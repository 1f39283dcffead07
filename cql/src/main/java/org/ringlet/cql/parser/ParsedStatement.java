package org.ringlet.cql.parser;

import java.util.List;

import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;

import static java.util.Objects.requireNonNull;

/**
 * A parsed statement with its bind markers.
 *
 * @param statement the statement
 * @param markers   its bind markers in index order (each {@code ?} or {@code :name} occurrence is one marker)
 */
public record ParsedStatement(RawStatement statement, List<RawTerm.Marker> markers) {
    public ParsedStatement {
        requireNonNull(statement, "statement is null");
        markers = List.copyOf(markers);
    }
}

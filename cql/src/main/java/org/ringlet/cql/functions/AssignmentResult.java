package org.ringlet.cql.functions;

/** How well a value fits a type, as Cassandra tests it to pick function overloads and check assignments. */
public enum AssignmentResult {
    EXACT_MATCH,
    WEAKLY_ASSIGNABLE,
    NOT_ASSIGNABLE;

    public boolean isAssignable() {
        return this != NOT_ASSIGNABLE;
    }

    public boolean isExactMatch() {
        return this == EXACT_MATCH;
    }
}

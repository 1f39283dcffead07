package org.ringlet.cql.ast;

/** The operators of WHERE relations and IF conditions, printed as CQL writes them. */
public enum Operator {
    EQ("="),
    LT("<"),
    LTE("<="),
    GT(">"),
    GTE(">="),
    NEQ("!="),
    IN("IN"),
    CONTAINS("CONTAINS"),
    CONTAINS_KEY("CONTAINS KEY"),
    LIKE("LIKE"),
    IS_NOT("IS NOT");

    private final String text;

    Operator(String text) {
        this.text = text;
    }

    /** Whether this is one of {@code < <= > >=}. */
    public boolean isSlice() {
        return this == LT || this == LTE || this == GT || this == GTE;
    }

    /** Whether the operator is inclusive of its bound ({@code <=}, {@code >=}). */
    public boolean isInclusive() {
        return this == LTE || this == GTE;
    }

    /** Whether the operator bounds from below ({@code >}, {@code >=}). */
    public boolean isStart() {
        return this == GT || this == GTE;
    }

    @Override
    public String toString() {
        return text;
    }
}

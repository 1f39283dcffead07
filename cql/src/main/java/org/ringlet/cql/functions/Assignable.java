package org.ringlet.cql.functions;

import org.ringlet.api.types.CqlType;

/** Something that can be passed to a function or assigned to a column: a term or a selector. */
public interface Assignable {

    /** How well this fits a value of {@code target}. */
    AssignmentResult testAssignment(CqlType target);

    /** The type of this value if it is known on its own (a column, a typed function), or null. */
    CqlType exactType();

    /**
     * The type this value would take when nothing else decides it (a literal's preferred type), or null; the
     * exact type when known.
     */
    default CqlType compatibleType() {
        return exactType();
    }

    /** Whether this is a bind marker (whose type the function call decides). */
    default boolean isMarker() {
        return false;
    }

    /** The text of this value as written, for messages. */
    String text();
}

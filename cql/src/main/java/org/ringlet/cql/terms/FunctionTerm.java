package org.ringlet.cql.terms;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.functions.ScalarFunction;

import static java.util.Objects.requireNonNull;

/**
 * A call of a scalar function on terms.
 *
 * @param function  the function
 * @param arguments its arguments
 */
public record FunctionTerm(ScalarFunction function, List<Term> arguments) implements Term {
    public FunctionTerm {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
    }

    @Override
    public ByteBuffer bind(BoundValues values) {
        List<ByteBuffer> args = new ArrayList<>(arguments.size());
        boolean anyNull = false;
        for (Term t : arguments) {
            if (t.isUnset(values)) {
                throw new InvalidRequestException("Invalid unset value for argument in call to function "
                        + function.name());
            }
            ByteBuffer v = t.bind(values);
            anyNull |= v == null;
            args.add(v);
        }
        if (anyNull && function.returnsNullOnNullInput()) {
            return null;
        }
        return function.execute(args);
    }

    @Override
    public CqlType type() {
        return function.returnType();
    }

    @Override
    public boolean isConstant() {
        return function.isDeterministic() && arguments.stream().allMatch(Term::isConstant);
    }
}

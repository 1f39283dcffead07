package org.ringlet.cql.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.ast.QualifiedName;

import static java.util.Objects.requireNonNull;

/**
 * Resolves a function call to a function as Cassandra does: the candidates are the native overloads of the name
 * (native functions live in the {@code system} keyspace and are found unqualified too) and what the name's factory
 * makes for the arguments; a single candidate is checked argument by argument, several are matched (an exact
 * match wins, several weak matches are ambiguous). Messages are Cassandra's. Immutable and thread-safe.
 */
public final class FunctionResolver {
    private final FunctionRegistry registry;

    public FunctionResolver(FunctionRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public FunctionRegistry registry() {
        return registry;
    }

    /**
     * The function a call names.
     *
     * @param name      the name as written
     * @param arguments the arguments
     * @param table     the table of the statement (the token function needs it), or null
     * @throws InvalidRequestException for an unknown function or arguments that do not fit
     */
    public CqlFunction resolve(QualifiedName name, List<? extends Assignable> arguments, TableMetadata table) {
        return resolve(name, arguments, table, null);
    }

    /**
     * The function a call names, when its result goes to a receiver of a known type.
     *
     * @param receiverType the type the result is assigned to, or null in a selection
     * @throws InvalidRequestException for an unknown function or arguments that do not fit
     */
    public CqlFunction resolve(QualifiedName name, List<? extends Assignable> arguments, TableMetadata table,
                               CqlType receiverType) {
        CqlFunction f = find(name, arguments, table, receiverType);
        if (f == null) {
            throw new InvalidRequestException("Unknown function '" + name + "'");
        }
        return f;
    }

    /**
     * The function a call names, or null when the name has no candidate at all.
     *
     * @param receiverType the type the result is assigned to, or null in a selection
     * @throws InvalidRequestException when candidates exist but the arguments fit none (or several)
     */
    public CqlFunction find(QualifiedName name, List<? extends Assignable> arguments, TableMetadata table,
                            CqlType receiverType) {
        List<CqlFunction> candidates = candidates(name, arguments, table, receiverType);
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            CqlFunction f = candidates.get(0);
            validateTypes(f, arguments);
            return f;
        }
        List<CqlFunction> compatible = new ArrayList<>();
        for (CqlFunction f : candidates) {
            if (receiverType != null && !returnFits(f, receiverType)) {
                continue;
            }
            AssignmentResult r = match(f, arguments);
            if (r.isExactMatch()) {
                return f;
            }
            if (r.isAssignable()) {
                compatible.add(f);
            }
        }
        char operator = OperationFunctions.operator(name.name());
        if (compatible.isEmpty()) {
            if (operator != 0 && isNative(name)) {
                throw new InvalidRequestException("the '" + operator + "' operation is not supported between "
                        + arguments.get(0).text() + " and " + arguments.get(1).text());
            }
            throw new InvalidRequestException("Invalid call to function " + name + ", none of its type signatures "
                    + "match (known type signatures: " + format(candidates) + ")");
        }
        if (compatible.size() > 1) {
            if (operator != 0 && isNative(name)) {
                if (receiverType != null && arguments.stream().noneMatch(Assignable::isMarker)) {
                    for (CqlFunction f : compatible) {
                        if (receiverType.equals(f.argumentTypes().get(0))
                                && receiverType.equals(f.argumentTypes().get(1))) {
                            return f;
                        }
                    }
                }
                throw new InvalidRequestException("Ambiguous '" + operator + "' operation with args "
                        + arguments.get(0).text() + " and " + arguments.get(1).text() + ": use type hint to "
                        + "disambiguate, example '(int) ?'");
            }
            if (name.name().equals(OperationFunctions.NEGATE) && isNative(name)) {
                throw new InvalidRequestException("Ambiguous negation: use type casts to disambiguate");
            }
            throw new InvalidRequestException("Ambiguous call to function " + name + " (can be matched by following "
                    + "signatures: " + format(compatible) + "): use type casts to disambiguate");
        }
        return compatible.get(0);
    }

    private static boolean isNative(QualifiedName name) {
        return name.keyspace() == null || name.keyspace().equals(FunctionName.SYSTEM);
    }

    private List<CqlFunction> candidates(QualifiedName name, List<? extends Assignable> arguments,
                                         TableMetadata table, CqlType receiverType) {
        if (!isNative(name)) {
            return List.of();
        }
        List<CqlFunction> out = new ArrayList<>(registry.functions(name.name()));
        FunctionFactory factory = registry.factory(name.name());
        if (factory != null) {
            CqlFunction f = factory.create(arguments, receiverType, table);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean returnFits(CqlFunction f, CqlType receiverType) {
        CqlType target = receiverType.unwrap();
        CqlType result = f.returnType();
        return result.equals(target) || target.isValueCompatibleWith(result);
    }

    private static String format(List<CqlFunction> functions) {
        return functions.stream().map(CqlFunction::signature).collect(Collectors.joining(", "));
    }

    private static void checkArity(FunctionName name, int required, int provided) {
        if (required != provided) {
            throw new InvalidRequestException("Invalid number of arguments in call to function " + name + ": "
                    + required + " required but " + provided + " provided");
        }
    }

    private static void validateTypes(CqlFunction function, List<? extends Assignable> arguments) {
        List<CqlType> types = function.argumentTypes();
        checkArity(function.name(), types.size(), arguments.size());
        for (int i = 0; i < types.size(); i++) {
            Assignable a = arguments.get(i);
            if (!a.testAssignment(types.get(i)).isAssignable()) {
                throw new InvalidRequestException("Type error: " + a.text() + " cannot be passed as argument " + i
                        + " of function " + function.name() + " of type " + types.get(i).cqlName());
            }
        }
    }

    private static AssignmentResult match(CqlFunction function, List<? extends Assignable> arguments) {
        List<CqlType> types = function.argumentTypes();
        if (types.size() != arguments.size()) {
            return AssignmentResult.NOT_ASSIGNABLE;
        }
        AssignmentResult result = AssignmentResult.EXACT_MATCH;
        for (int i = 0; i < types.size(); i++) {
            AssignmentResult r = arguments.get(i).testAssignment(types.get(i));
            if (!r.isAssignable()) {
                return AssignmentResult.NOT_ASSIGNABLE;
            }
            if (!r.isExactMatch()) {
                result = AssignmentResult.WEAKLY_ASSIGNABLE;
            }
        }
        return result;
    }

    /**
     * Checks that the arguments fit the function's parameters.
     *
     * @throws InvalidRequestException with Cassandra's messages
     */
    public static void checkArguments(CqlFunction function, List<? extends Assignable> arguments) {
        validateTypes(function, arguments);
    }
}

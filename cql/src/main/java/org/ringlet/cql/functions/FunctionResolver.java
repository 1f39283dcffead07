package org.ringlet.cql.functions;

import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.ast.QualifiedName;

import static java.util.Objects.requireNonNull;

/**
 * Resolves a function call to a function: by name (native functions live in the {@code system} keyspace and are
 * found unqualified too), arity and argument types, with Cassandra's messages. Immutable and thread-safe.
 */
public final class FunctionResolver {
    private final Partitioner partitioner;

    public FunctionResolver(Partitioner partitioner) {
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
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
        boolean system = name.keyspace() == null || name.keyspace().equals(FunctionName.SYSTEM);
        if (!system) {
            throw unknown(name);
        }
        CqlFunction function = switch (name.name()) {
            case "token" -> {
                if (table == null) {
                    throw new InvalidRequestException("The token function can only be used on a table");
                }
                yield new TokenFunction(table, partitioner);
            }
            case "count" -> {
                checkArity(FunctionName.system("count"), 1, arguments.size());
                CqlType type = arguments.get(0).exactType();
                yield CountFunction.of(type == null ? org.ringlet.api.types.NativeType.INT : type);
            }
            default -> throw unknown(name);
        };
        checkArguments(function, arguments);
        return function;
    }

    private static InvalidRequestException unknown(QualifiedName name) {
        return new InvalidRequestException("Unknown function '" + name + "'");
    }

    private static void checkArity(FunctionName name, int required, int provided) {
        if (required != provided) {
            throw new InvalidRequestException("Invalid number of arguments in call to function " + name + ": "
                    + required + " required but " + provided + " provided");
        }
    }

    /**
     * Checks that the arguments fit the function's parameters.
     *
     * @throws InvalidRequestException with Cassandra's messages
     */
    public static void checkArguments(CqlFunction function, List<? extends Assignable> arguments) {
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
}

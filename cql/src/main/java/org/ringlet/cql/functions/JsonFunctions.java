package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ringlet.api.error.FunctionFailureException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.types.JsonParser;
import org.ringlet.cql.types.JsonValues;
import org.ringlet.cql.types.ValueFormats;

/** {@code to_json(any)} (also {@code toJson}) and {@code from_json(text)} (also {@code fromJson}). */
final class JsonFunctions {
    private JsonFunctions() {
    }

    /** @param clock the node's clock (a timestamp in JSON may be {@code "now"}) */
    static void addTo(FunctionRegistry r, Clock clock) {
        for (String name : List.of("to_json", "tojson")) {
            r.add(new ToJson(FunctionName.system(name)));
        }
        for (String name : List.of("from_json", "fromjson")) {
            r.add(new FromJson(FunctionName.system(name), clock));
        }
    }

    /** The type an argument has on its own, for functions of any type. */
    static CqlType argumentType(Assignable argument, FunctionName function, String parameters) {
        CqlType t = argument.exactType();
        if (t == null) {
            t = argument.compatibleType();
        }
        if (t == null) {
            throw new InvalidRequestException("Cannot infer type of argument " + argument.text() + " in call to "
                    + "function " + function + parameters);
        }
        return t;
    }

    private record ToJson(FunctionName name) implements FunctionFactory {
        @Override
        public CqlFunction create(List<? extends Assignable> arguments, CqlType receiverType, TableMetadata table) {
            if (arguments.size() != 1) {
                throw new InvalidRequestException("Invalid number of arguments for function " + name + "(any)");
            }
            CqlType type = argumentType(arguments.get(0), name, "(any)");
            // the function is named tojson whichever name called it
            return new NativeScalarFunction(FunctionName.system("tojson"), NativeType.TEXT, List.of(type), args -> {
                ByteBuffer v = args.get(0);
                String json = v == null ? "null" : ValueFormats.json(type, v);
                return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
            }, true, false, null);
        }
    }

    private record FromJson(FunctionName name, Clock clock) implements FunctionFactory {
        @Override
        public CqlFunction create(List<? extends Assignable> arguments, CqlType receiverType, TableMetadata table) {
            if (receiverType == null) {
                throw new InvalidRequestException(name.name() + "() cannot be used in the selection clause of a "
                        + "SELECT statement");
            }
            if (arguments.size() != 1) {
                throw new InvalidRequestException("Invalid number of arguments for function " + name + "(text)");
            }
            CqlType type = receiverType;
            return new NativeScalarFunction(name, type, List.of(NativeType.TEXT), args -> {
                String json = (String) NativeType.TEXT.compose(args.get(0));
                Object parsed;
                try {
                    parsed = JsonParser.parse(json);
                } catch (IllegalArgumentException e) {
                    throw new FunctionFailureException(FunctionName.SYSTEM, name.name(), List.of("text"),
                            "execution of 'system.fromjson[text]' failed: Could not decode JSON string '" + json
                            + "': " + e.getMessage());
                }
                try {
                    return JsonValues.fromJson(type, parsed, clock::currentTimeMillis);
                } catch (MarshalException e) {
                    throw new FunctionFailureException(FunctionName.SYSTEM, name.name(), List.of("text"),
                            "org.apache.cassandra.serializers.MarshalException: " + e.getMessage());
                }
            }, true, true, null);
        }
    }
}

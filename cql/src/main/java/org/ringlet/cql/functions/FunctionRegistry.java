package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;

/**
 * The native functions of the {@code system} keyspace, by name: overloads in a fixed order, and factories for the
 * functions whose signature depends on their arguments. Built once per node; immutable once built and
 * thread-safe.
 */
public final class FunctionRegistry {
    private final Map<String, List<CqlFunction>> functions = new HashMap<>();
    private final Map<String, FunctionFactory> factories = new HashMap<>();

    FunctionRegistry() {
    }

    /**
     * Every native function of Cassandra 5.0 that the node implements.
     *
     * @param clock       the node's clock (current time functions)
     * @param random      the node's randomness ({@code uuid()})
     * @param timeUuids   makes time-based UUIDs ({@code now()})
     * @param partitioner the node's partitioner ({@code token()})
     */
    public static FunctionRegistry create(Clock clock, RandomSource random, Supplier<ByteBuffer> timeUuids,
                                          Partitioner partitioner) {
        FunctionRegistry r = new FunctionRegistry();
        r.add(new TokenFunction.Factory(partitioner));
        CastFunctions.addTo(r);
        TimeFunctions.addTo(r, clock, random, timeUuids);
        JsonFunctions.addTo(r, clock);
        OperationFunctions.addTo(r);
        AggregateFunctions.addTo(r);
        CollectionFunctions.addTo(r);
        ConversionFunctions.addTo(r);
        MathFunctions.addTo(r);
        SignatureOrder.apply(r.functions);
        return r;
    }

    void add(CqlFunction function) {
        functions.computeIfAbsent(function.name().name(), n -> new ArrayList<>()).add(function);
    }

    void addWithLegacy(NativeScalarFunction function, String legacyName) {
        add(function);
        add(function.renamed(legacyName));
    }

    void add(FunctionFactory factory) {
        factories.put(factory.name().name(), factory);
    }

    /** The overloads of a native function, in the order Cassandra lists them; empty when there are none. */
    public List<CqlFunction> functions(String name) {
        return functions.getOrDefault(name, List.of());
    }

    /** The factory of a native function, or null. */
    public FunctionFactory factory(String name) {
        return factories.get(name);
    }
}

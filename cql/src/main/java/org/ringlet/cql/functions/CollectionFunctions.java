package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;

/**
 * The collection functions of Cassandra 5.0: {@code map_keys}, {@code map_values}, {@code collection_count},
 * {@code collection_min}, {@code collection_max}, {@code collection_sum}, {@code collection_avg}.
 */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static void addTo(FunctionRegistry r) {
        r.add(factory("map_keys", "map", (name, t, arg) -> {
            MapType m = map(name, t, arg);
            SetType result = SetType.of(m.keyType().freeze());
            return NativeScalarFunction.of(name, result, List.of(t), args -> {
                List<ByteBuffer> flat = CollectionCodec.unpackCollection(args.get(0), 2, "map");
                List<ByteBuffer> keys = new ArrayList<>();
                for (int i = 0; i < flat.size(); i += 2) {
                    keys.add(flat.get(i));
                }
                return CollectionCodec.packCollection(keys, keys.size());
            });
        }));
        r.add(factory("map_values", "map", (name, t, arg) -> {
            MapType m = map(name, t, arg);
            ListType result = ListType.of(m.valueType().freeze());
            return NativeScalarFunction.of(name, result, List.of(t), args -> {
                List<ByteBuffer> flat = CollectionCodec.unpackCollection(args.get(0), 2, "map");
                List<ByteBuffer> values = new ArrayList<>();
                for (int i = 1; i < flat.size(); i += 2) {
                    values.add(flat.get(i));
                }
                return CollectionCodec.packCollection(values, values.size());
            });
        }));
        r.add(factory("collection_count", "collection", (name, t, arg) -> {
            collection(name, t, arg);
            return NativeScalarFunction.of(name, NativeType.INT, List.of(t), args -> NativeType.INT.decompose(
                    elements(t, args.get(0)).size()));
        }));
        for (String fn : List.of("collection_min", "collection_max")) {
            boolean max = fn.endsWith("max");
            r.add(factory(fn, "collection", (name, t, arg) -> {
                CqlType element = element(name, t, arg);
                return NativeScalarFunction.of(name, element, List.of(t), args -> {
                    ByteBuffer best = null;
                    for (ByteBuffer e : elements(t, args.get(0))) {
                        int c = best == null ? 0 : element.compare(best, e);
                        if (best == null || (max ? c < 0 : c > 0)) {
                            best = e;
                        }
                    }
                    return best;
                });
            }));
        }
        for (String fn : List.of("collection_sum", "collection_avg")) {
            boolean avg = fn.endsWith("avg");
            r.add(factory(fn, "numeric collection", (name, t, arg) -> {
                CqlType element = element(name, t, arg);
                if (!(element instanceof NativeType n) || !Numbers.isNumeric(n)) {
                    throw new InvalidRequestException("Function system." + name + " requires a numeric set/list "
                            + "argument, but found argument " + arg + " of type " + t.cqlName());
                }
                NativeType source = n == NativeType.COUNTER ? NativeType.BIGINT : n;
                return NativeScalarFunction.of(name, n, List.of(t), args -> {
                    List<ByteBuffer> es = elements(t, args.get(0));
                    Number total = Numbers.compose(source, Numbers.decompose(n, 0));
                    for (ByteBuffer e : es) {
                        total = Numbers.apply(n, Numbers.Op.ADD, total, Numbers.compose(source, e));
                    }
                    if (avg) {
                        total = es.isEmpty() ? total : Numbers.apply(n, Numbers.Op.DIVIDE, total, es.size());
                    }
                    return Numbers.decompose(n, total);
                });
            }));
        }
    }

    /** Makes the function for an argument of a type. */
    @FunctionalInterface
    private interface Maker {
        CqlFunction make(String name, CqlType type, String argument);
    }

    private static FunctionFactory factory(String name, String kind, Maker make) {
        FunctionName fn = FunctionName.system(name);
        return new FunctionFactory() {
            @Override
            public FunctionName name() {
                return fn;
            }

            @Override
            public CqlFunction create(List<? extends Assignable> arguments, CqlType receiverType,
                                      TableMetadata table) {
                if (arguments.size() != 1) {
                    throw new InvalidRequestException("Invalid number of arguments for function " + fn + "("
                            + kind + ")");
                }
                CqlType t = JsonFunctions.argumentType(arguments.get(0), fn, "(" + kind + ")");
                return make.make(name, t, arguments.get(0).text());
            }
        };
    }

    private static MapType map(String name, CqlType t, String arg) {
        if (!(t.unwrap() instanceof MapType m)) {
            throw new InvalidRequestException("Function system." + name + " requires a map argument, but found "
                    + "argument " + arg + " of type " + t.cqlName());
        }
        return m;
    }

    private static void collection(String name, CqlType t, String arg) {
        if (!t.unwrap().isCollection()) {
            throw new InvalidRequestException("Function system." + name + " requires a collection argument, but "
                    + "found argument " + arg + " of type " + t.cqlName());
        }
    }

    private static CqlType element(String name, CqlType t, String arg) {
        CqlType u = t.unwrap();
        if (u instanceof SetType s) {
            return s.elementType();
        }
        if (u instanceof ListType l) {
            return l.elementType();
        }
        throw new InvalidRequestException("Function system." + name + " requires a set or list argument, but found "
                + "argument " + arg + " of type " + t.cqlName());
    }

    private static List<ByteBuffer> elements(CqlType t, ByteBuffer v) {
        CqlType u = t.unwrap();
        if (u instanceof MapType) {
            List<ByteBuffer> flat = CollectionCodec.unpackCollection(v, 2, "map");
            List<ByteBuffer> keys = new ArrayList<>();
            for (int i = 0; i < flat.size(); i += 2) {
                keys.add(flat.get(i));
            }
            return keys;
        }
        return CollectionCodec.unpackCollection(v, 1, u instanceof SetType ? "set" : "list");
    }
}

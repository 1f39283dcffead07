package org.ringlet.cql.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

/**
 * The native aggregates: {@code count}, {@code max} and {@code min} of every type, {@code sum} and {@code avg} of
 * the numeric types, with Cassandra's arithmetic (integer sums wrap around, averages of integers are integers,
 * floating-point sums use Kahan summation).
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    static void addTo(FunctionRegistry r) {
        for (NativeType type : Numbers.TYPES) {
            r.add(new NativeAggregateFunction("sum", type, List.of(type), () -> sum(type)));
            r.add(new NativeAggregateFunction("avg", type, List.of(type), () -> avg(type)));
        }
        for (String name : List.of("count", "max", "min")) {
            r.add(new FunctionFactory() {
                @Override
                public FunctionName name() {
                    return FunctionName.system(name);
                }

                @Override
                public CqlFunction create(List<? extends Assignable> arguments, CqlType receiverType,
                                          TableMetadata table) {
                    if (name.equals("count")) {
                        // a count of the first argument's type: other arities fail the arity check
                        CqlType t = arguments.isEmpty() ? null : arguments.get(0).exactType();
                        if (t == null && !arguments.isEmpty()) {
                            t = arguments.get(0).compatibleType();
                        }
                        return CountFunction.of(t == null ? NativeType.BLOB : t);
                    }
                    if (arguments.size() != 1) {
                        throw new InvalidRequestException("Invalid number of arguments for function " + name()
                                + "(any)");
                    }
                    CqlType type = JsonFunctions.argumentType(arguments.get(0), name(), "(any)");
                    return extreme(name, type, name.equals("max"));
                }
            });
        }
    }

    private static NativeAggregateFunction extreme(String name, CqlType type, boolean max) {
        CqlType order = type == NativeType.COUNTER ? NativeType.BIGINT : type;
        return new NativeAggregateFunction(name, type, List.of(type), () -> new AggregateFunction.Accumulator() {
            private ByteBuffer best;

            @Override
            public void add(List<ByteBuffer> arguments) {
                ByteBuffer v = arguments.get(0);
                if (v == null) {
                    return;
                }
                int c = best == null ? 0 : order.compare(best, v);
                if (best == null || (max ? c < 0 : c > 0)) {
                    best = v;
                }
            }

            @Override
            public ByteBuffer result() {
                return best;
            }
        });
    }

    private static Number number(NativeType type, ByteBuffer v) {
        return Numbers.compose(type == NativeType.COUNTER ? NativeType.BIGINT : type, v);
    }

    private static AggregateFunction.Accumulator sum(NativeType type) {
        return switch (type.kind()) {
            case FLOAT, DOUBLE -> new KahanSum(type, false);
            case DECIMAL -> new AggregateFunction.Accumulator() {
                private BigDecimal sum = BigDecimal.ZERO;

                @Override
                public void add(List<ByteBuffer> arguments) {
                    if (arguments.get(0) != null) {
                        sum = sum.add((BigDecimal) number(type, arguments.get(0)));
                    }
                }

                @Override
                public ByteBuffer result() {
                    return NativeType.DECIMAL.decompose(sum);
                }
            };
            case VARINT -> new AggregateFunction.Accumulator() {
                private BigInteger sum = BigInteger.ZERO;

                @Override
                public void add(List<ByteBuffer> arguments) {
                    if (arguments.get(0) != null) {
                        sum = sum.add((BigInteger) number(type, arguments.get(0)));
                    }
                }

                @Override
                public ByteBuffer result() {
                    return NativeType.VARINT.decompose(sum);
                }
            };
            default -> new AggregateFunction.Accumulator() {
                private long sum;

                @Override
                public void add(List<ByteBuffer> arguments) {
                    if (arguments.get(0) != null) {
                        sum += number(type, arguments.get(0)).longValue();
                    }
                }

                @Override
                public ByteBuffer result() {
                    return Numbers.decompose(type, sum);
                }
            };
        };
    }

    private static AggregateFunction.Accumulator avg(NativeType type) {
        return switch (type.kind()) {
            case FLOAT, DOUBLE -> new KahanSum(type, true);
            case DECIMAL -> new AggregateFunction.Accumulator() {
                private BigDecimal avg = BigDecimal.ZERO;
                private int count;

                @Override
                public void add(List<ByteBuffer> arguments) {
                    if (arguments.get(0) == null) {
                        return;
                    }
                    count++;
                    BigDecimal n = (BigDecimal) number(type, arguments.get(0));
                    avg = avg.add(n.subtract(avg).divide(BigDecimal.valueOf(count), RoundingMode.HALF_EVEN));
                }

                @Override
                public ByteBuffer result() {
                    return NativeType.DECIMAL.decompose(avg);
                }
            };
            case VARINT -> new AggregateFunction.Accumulator() {
                private BigInteger sum = BigInteger.ZERO;
                private int count;

                @Override
                public void add(List<ByteBuffer> arguments) {
                    if (arguments.get(0) != null) {
                        count++;
                        sum = sum.add((BigInteger) number(type, arguments.get(0)));
                    }
                }

                @Override
                public ByteBuffer result() {
                    return NativeType.VARINT.decompose(count == 0 ? BigInteger.ZERO
                            : sum.divide(BigInteger.valueOf(count)));
                }
            };
            default -> new AggregateFunction.Accumulator() {
                private long sum;
                private int count;
                private BigInteger bigSum;

                @Override
                public void add(List<ByteBuffer> arguments) {
                    if (arguments.get(0) == null) {
                        return;
                    }
                    count++;
                    long n = number(type, arguments.get(0)).longValue();
                    if (bigSum != null) {
                        bigSum = bigSum.add(BigInteger.valueOf(n));
                        return;
                    }
                    long prev = sum;
                    sum += n;
                    if (((prev ^ sum) & (n ^ sum)) < 0) {
                        bigSum = BigInteger.valueOf(prev).add(BigInteger.valueOf(n));
                    }
                }

                @Override
                public ByteBuffer result() {
                    long avg = count == 0 ? 0 : bigSum != null ? bigSum.divide(BigInteger.valueOf(count)).longValue()
                            : sum / count;
                    return Numbers.decompose(type, avg);
                }
            };
        };
    }

    /** Kahan summation in doubles (the sum, or the average: BigDecimal once the sum overflows). */
    private static final class KahanSum implements AggregateFunction.Accumulator {
        private final NativeType type;
        private final boolean average;
        private double sum;
        private double compensation;
        private double simpleSum;
        private int count;
        private BigDecimal bigSum;

        KahanSum(NativeType type, boolean average) {
            this.type = type;
            this.average = average;
        }

        @Override
        public void add(List<ByteBuffer> arguments) {
            ByteBuffer v = arguments.get(0);
            if (v == null) {
                return;
            }
            count++;
            double n = number(type, v).doubleValue();
            if (bigSum != null) {
                bigSum = bigSum.add(BigDecimal.valueOf(n));
                return;
            }
            simpleSum += n;
            double prev = sum;
            double tmp = n - compensation;
            double rounded = sum + tmp;
            compensation = (rounded - sum) - tmp;
            sum = rounded;
            if (average && Double.isInfinite(sum) && !Double.isInfinite(n)) {
                bigSum = BigDecimal.valueOf(prev).add(BigDecimal.valueOf(n));
            }
        }

        @Override
        public ByteBuffer result() {
            double result;
            if (average && count == 0) {
                result = 0d;
            } else if (bigSum != null) {
                result = bigSum.divide(BigDecimal.valueOf(count), RoundingMode.HALF_EVEN).doubleValue();
            } else {
                double tmp = sum + compensation;
                double total = Double.isNaN(tmp) && Double.isInfinite(simpleSum) ? simpleSum : tmp;
                result = average ? total / count : total;
            }
            return type == NativeType.FLOAT ? NativeType.FLOAT.decompose((float) result)
                    : NativeType.DOUBLE.decompose(result);
        }
    }
}

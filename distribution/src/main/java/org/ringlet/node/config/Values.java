package org.ringlet.node.config;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsers and formats of configuration values, following Cassandra 5.0's rules: durations and sizes carry a
 * unit ({@code 10000ms}, {@code 16MiB}, {@code 64MiB/s}); the legacy {@code _in_ms}, {@code _in_mb} names take a
 * bare number in that unit.
 */
final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(d|h|m|s|ms|us|µs|ns)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|mib|gib)");
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*(b/s|kib/s|mib/s)");
    private static final Pattern SEED = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\s]+)(?::(\\d{1,5}))?");

    private Values() {
    }

    static ValueParser text() {
        return (raw, base) -> {
            String s = scalar(raw, "a text value").trim();
            if (s.isEmpty()) {
                throw new BadValueException("a non-empty text value");
            }
            return s;
        };
    }

    static ValueParser integer(int min, int max) {
        String expected = "an integer from " + min + " to " + max;
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            try {
                int v = Integer.parseInt(s);
                if (v < min || v > max) {
                    throw new BadValueException(expected);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BadValueException(expected);
            }
        };
    }

    /** A long that is {@code -1} (unlimited) or positive. */
    static ValueParser limit() {
        String expected = "-1 (unlimited) or a positive integer";
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            try {
                long v = Long.parseLong(s);
                if (v == 0 || v < -1) {
                    throw new BadValueException(expected);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BadValueException(expected);
            }
        };
    }

    static ValueParser decimal(double min, double max) {
        String expected = "a number from " + min + " to " + max;
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            try {
                double v = Double.parseDouble(s);
                if (!(v >= min && v <= max)) {
                    throw new BadValueException(expected);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BadValueException(expected);
            }
        };
    }

    static ValueParser bool() {
        return (raw, base) -> {
            String s = scalar(raw, "true or false").trim().toLowerCase(Locale.ROOT);
            return switch (s) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new BadValueException("true or false");
            };
        };
    }

    /** One of an enum's constants, written in lowercase as in cassandra.yaml. */
    static <E extends Enum<E>> ValueParser oneOf(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        String expected = "one of " + String.join(", ", names);
        return (raw, base) -> {
            String s = scalar(raw, expected).trim().toLowerCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(s)) {
                    return e;
                }
            }
            throw new BadValueException(expected);
        };
    }

    static ValueParser duration() {
        String expected = "a duration with a unit, such as 10000ms, 10s or 2m (units: d, h, m, s, ms, us, ns)";
        return (raw, base) -> {
            String s = scalar(raw, expected).trim().toLowerCase(Locale.ROOT);
            Matcher m = DURATION.matcher(s);
            if (!m.matches()) {
                throw new BadValueException(expected);
            }
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "ms" -> Duration.ofMillis(n);
                    case "us", "µs" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
                    default -> Duration.ofNanos(n);
                };
            } catch (ArithmeticException | NumberFormatException e) {
                throw new BadValueException(expected + " that is not too large");
            }
        };
    }

    /** A legacy duration in a fixed unit, e.g. {@code commitlog_sync_period_in_ms: 10000}. */
    static ValueParser durationIn(java.time.temporal.ChronoUnit unit) {
        String expected = "a whole number of " + unit.name().toLowerCase(Locale.ROOT);
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            try {
                BigDecimal n = new BigDecimal(s);
                if (n.signum() < 0) {
                    throw new BadValueException(expected + " that is not negative");
                }
                BigDecimal nanos = n.multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
                return Duration.ofNanos(nanos.longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new BadValueException(expected);
            }
        };
    }

    static ValueParser dataSize() {
        String expected = "a size with a unit, such as 16MiB (units: B, KiB, MiB, GiB)";
        return (raw, base) -> {
            String s = scalar(raw, expected).trim().toLowerCase(Locale.ROOT);
            Matcher m = SIZE.matcher(s);
            if (!m.matches()) {
                throw new BadValueException(expected);
            }
            try {
                long n = Long.parseLong(m.group(1));
                long unit = switch (m.group(2)) {
                    case "gib" -> 1024L * 1024 * 1024;
                    case "mib" -> 1024L * 1024;
                    case "kib" -> 1024L;
                    default -> 1L;
                };
                return new DataSize(Math.multiplyExact(n, unit));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new BadValueException(expected + " that is not too large");
            }
        };
    }

    /** A size, or {@code -1} for "the default" (returned as null), as Cassandra's optional limits take it. */
    static ValueParser dataSizeOrDefault(ValueParser size) {
        return (raw, base) -> {
            if (raw instanceof String s && s.trim().equals("-1")) {
                return null;
            }
            return size.parse(raw, base);
        };
    }

    /** A legacy size in a fixed number of bytes per unit, e.g. {@code native_transport_max_frame_size_in_mb: 16}. */
    static ValueParser dataSizeIn(long bytesPerUnit, String unitName) {
        String expected = "a whole number of " + unitName;
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            try {
                long n = Long.parseLong(s);
                if (n < 0) {
                    throw new BadValueException(expected + " that is not negative");
                }
                return new DataSize(Math.multiplyExact(n, bytesPerUnit));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new BadValueException(expected);
            }
        };
    }

    static ValueParser dataRate() {
        String expected = "a rate with a unit, such as 64MiB/s (units: B/s, KiB/s, MiB/s; 0 disables throttling)";
        return (raw, base) -> {
            String s = scalar(raw, expected).trim().toLowerCase(Locale.ROOT);
            if (s.equals("0")) {
                return new DataRate(0);
            }
            Matcher m = RATE.matcher(s);
            if (!m.matches()) {
                throw new BadValueException(expected);
            }
            try {
                long n = Long.parseLong(m.group(1));
                long unit = switch (m.group(2)) {
                    case "mib/s" -> 1024L * 1024;
                    case "kib/s" -> 1024L;
                    default -> 1L;
                };
                return new DataRate(Math.multiplyExact(n, unit));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new BadValueException(expected + " that is not too large");
            }
        };
    }

    /** The legacy {@code compaction_throughput_mb_per_sec}: a whole number of MiB/s. */
    static ValueParser dataRateInMebibytesPerSecond() {
        String expected = "a whole number of MiB per second (0 disables throttling)";
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            try {
                long n = Long.parseLong(s);
                if (n < 0) {
                    throw new BadValueException(expected);
                }
                return new DataRate(Math.multiplyExact(n, 1024L * 1024));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new BadValueException(expected);
            }
        };
    }

    /**
     * An IP address or a host name that resolves; {@code auto} (as the Docker image allows) is this host's address.
     */
    static ValueParser address(boolean wildcardAllowed) {
        String expected = wildcardAllowed ? "an IP address or a resolvable host name"
                : "an IP address or a resolvable host name that is not a wildcard address such as 0.0.0.0";
        return (raw, base) -> {
            String s = scalar(raw, expected).trim();
            if (s.isEmpty()) {
                throw new BadValueException(expected);
            }
            InetAddress address;
            try {
                address = s.equalsIgnoreCase("auto") ? InetAddress.getLocalHost() : InetAddress.getByName(s);
            } catch (UnknownHostException | SecurityException e) {
                throw new BadValueException(expected);
            }
            if (!wildcardAllowed && address.isAnyLocalAddress()) {
                throw new BadValueException(expected);
            }
            return address;
        };
    }

    static ValueParser path() {
        return (raw, base) -> toPath(scalar(raw, "a directory path"), base);
    }

    /** A YAML list of directories, or one directory, or (from a flag) directories separated by commas. */
    static ValueParser pathList() {
        String expected = "a list of directory paths";
        return (raw, base) -> {
            List<String> items = new ArrayList<>();
            if (raw instanceof List<?> list) {
                for (Object o : list) {
                    items.add(scalar(o, expected));
                }
            } else {
                for (String part : scalar(raw, expected).split(",")) {
                    items.add(part);
                }
            }
            List<Path> paths = new ArrayList<>();
            for (String item : items) {
                if (item.contains(",")) {
                    throw new BadValueException(expected + " without commas in them");
                }
                paths.add(toPath(item, base));
            }
            if (paths.isEmpty()) {
                throw new BadValueException(expected + " with at least one entry");
            }
            return List.copyOf(paths);
        };
    }

    /**
     * Seeds, either as cassandra.yaml's {@code seed_provider} structure or (from the environment or a flag) as a
     * comma-separated list of {@code host[:port]}.
     */
    static ValueParser seeds() {
        String expected = "a seed_provider list with class_name org.apache.cassandra.locator.SimpleSeedProvider and "
                + "parameters with seeds: \"host[:port],...\"";
        return (raw, base) -> {
            String seedText;
            if (raw instanceof String s) {
                seedText = s;
            } else if (raw instanceof List<?> providers && providers.size() == 1
                    && providers.get(0) instanceof Map<?, ?> provider) {
                Object className = provider.get("class_name");
                if (!(className instanceof String cn) || !isSimpleSeedProvider(cn)) {
                    throw new BadValueException(expected + " (only SimpleSeedProvider is supported)");
                }
                seedText = seedsParameter(provider.get("parameters"), expected);
            } else {
                throw new BadValueException(expected);
            }
            List<String> seeds = new ArrayList<>();
            for (String part : seedText.split(",")) {
                String seed = part.trim();
                if (seed.isEmpty()) {
                    continue;
                }
                Matcher m = SEED.matcher(seed);
                if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(2)) > 65535)) {
                    throw new BadValueException("seeds as host[:port] separated by commas; '" + seed
                            + "' is not one");
                }
                seeds.add(seed);
            }
            if (seeds.isEmpty()) {
                throw new BadValueException("at least one seed");
            }
            return List.copyOf(seeds);
        };
    }

    private static boolean isSimpleSeedProvider(String className) {
        String cn = className.trim();
        return cn.equals("SimpleSeedProvider") || cn.equals("org.apache.cassandra.locator.SimpleSeedProvider");
    }

    private static String seedsParameter(Object parameters, String expected) throws BadValueException {
        Object seeds = null;
        if (parameters instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.containsKey("seeds")) {
                    seeds = m.get("seeds");
                }
            }
        } else if (parameters instanceof Map<?, ?> m) {
            seeds = m.get("seeds");
        }
        if (!(seeds instanceof String s)) {
            throw new BadValueException(expected);
        }
        return s;
    }

    /**
     * A Cassandra class setting such as {@code authenticator}: a class name, or a map with {@code class_name}.
     * Only {@code supported} classes are accepted; {@code notYet} ones fail with a message saying so, because
     * starting without the security the user asked for would be worse than not starting.
     */
    static ValueParser cassandraClass(String packageName, List<String> supported, List<String> notYet) {
        String expected = "one of " + String.join(", ", supported);
        return (raw, base) -> {
            Object name = raw instanceof Map<?, ?> m ? m.get("class_name") : raw;
            String s = scalar(name == null ? "" : name, expected).trim();
            String simple = s.startsWith(packageName + ".") ? s.substring(packageName.length() + 1) : s;
            for (String candidate : supported) {
                if (candidate.equalsIgnoreCase(simple)) {
                    return candidate;
                }
            }
            for (String candidate : notYet) {
                if (candidate.equalsIgnoreCase(simple)) {
                    throw new BadValueException(expected + "; " + candidate + " is not supported by Ringlet yet");
                }
            }
            throw new BadValueException(expected);
        };
    }

    /** The canonical text of a typed value, as {@code ringlet config} shows it. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Duration d) {
            return formatDuration(d);
        }
        if (value instanceof InetAddress a) {
            return a.getHostAddress();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(o -> parts.add(format(o)));
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }

    /** The duration in the largest unit that represents it exactly: {@code 10s}, {@code 3h}, {@code 1500ms}. */
    static String formatDuration(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0ms";
        }
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] units = {"d", "h", "m", "s", "ms", "us"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) {
                return (nanos / sizes[i]) + units[i];
            }
        }
        return nanos + "ns";
    }

    private static String scalar(Object raw, String expected) throws BadValueException {
        if (raw instanceof String s) {
            return s;
        }
        throw new BadValueException(expected + " (a single value, not a " + (raw instanceof List ? "list" : "map")
                + ")");
    }

    private static Path toPath(String text, Path base) throws BadValueException {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new BadValueException("a directory path");
        }
        try {
            return base.resolve(s).normalize();
        } catch (InvalidPathException e) {
            throw new BadValueException("a valid directory path");
        }
    }
}

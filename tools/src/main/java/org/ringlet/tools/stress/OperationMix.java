package org.ringlet.tools.stress;

import java.util.Locale;

/**
 * The share of reads among the operations of a workload: {@code write} writes only, {@code read} reads only,
 * {@code populate} writes every key once, and {@code mixed} draws reads and writes by a ratio such as
 * {@code write=1,read=3} (cassandra-stress's spelling; {@code 1:1} when not given).
 *
 * @param workload  the workload name
 * @param readShare the probability that an operation is a read, in [0, 1]
 */
public record OperationMix(String workload, double readShare) {

    public OperationMix {
        if (readShare < 0 || readShare > 1 || Double.isNaN(readShare)) {
            throw new IllegalArgumentException("read share must be within [0, 1]: " + readShare);
        }
    }

    /**
     * The mix of a workload.
     *
     * @param ratio the mixed workload's ratio, e.g. {@code write=1,read=3}; null for 1:1
     * @throws IllegalArgumentException naming what is wrong and what is allowed
     */
    public static OperationMix of(String workload, String ratio) {
        String w = workload.toLowerCase(Locale.ROOT);
        switch (w) {
            case "write", "populate" -> {
                requireNoRatio(w, ratio);
                return new OperationMix(w, 0);
            }
            case "read" -> {
                requireNoRatio(w, ratio);
                return new OperationMix(w, 1);
            }
            case "mixed" -> {
                return new OperationMix(w, ratio == null ? 0.5 : parseRatio(ratio));
            }
            default -> throw new IllegalArgumentException("unknown workload '" + workload
                    + "': use write, read, mixed or populate");
        }
    }

    private static void requireNoRatio(String workload, String ratio) {
        if (ratio != null) {
            throw new IllegalArgumentException("--ratio applies to the mixed workload only, not to " + workload);
        }
    }

    private static double parseRatio(String ratio) {
        double write = 0;
        double read = 0;
        String text = ratio.strip();
        if (text.startsWith("ratio(") && text.endsWith(")")) {
            text = text.substring("ratio(".length(), text.length() - 1);
        }
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad ratio '" + ratio + "': expected e.g. write=1,read=3");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad ratio '" + ratio + "': '" + kv[1].strip()
                        + "' is not a number");
            }
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("bad ratio '" + ratio + "': weights must be zero or positive");
            }
            switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                case "write", "insert" -> write += v;
                case "read", "select" -> read += v;
                default -> throw new IllegalArgumentException("bad ratio '" + ratio + "': unknown operation '"
                        + kv[0].strip() + "' (use write and read)");
            }
        }
        if (write + read == 0) {
            throw new IllegalArgumentException("bad ratio '" + ratio + "': at least one weight must be positive");
        }
        return read / (write + read);
    }

    /** Whether the workload writes keys 0..keys-1 once each. */
    public boolean populate() {
        return workload.equals("populate");
    }
}

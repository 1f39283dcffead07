package org.ringlet.bench.kv;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The storage engine against RocksDB on one key-value workload, side by side in one process: for every round and
 * thread count, each engine in turn (A B, then B A in the next round) loads {@code --keys} keys in random order
 * into an empty directory, settles (flush, background compaction done), reads every key once to warm the caches,
 * then reads random keys for {@code --read-seconds} (warm), scans everything, then is closed, the operating system's page cache is dropped (when permitted) and it is
 * reopened with a small cache for cold random reads. Prints each measurement as it comes and a table of medians,
 * spreads and per-round ratios at the end.
 *
 * <p>Options: {@code --keys 1000000 --value-size 100 --rounds 3 --threads 1,4 --read-seconds 5
 * --cold-reads 20000 --warmup-keys <keys> --warm-cache-mb 256 --cold-cache-mb 8 --memtable-mb 256 --write-buffer-mb 64
 * --engines lsm,rocksdb --phases all --dir /tmp/ringlet-kv-bench}; {@code --phases write} times the load alone
 * (reads and scans are then reported as 0), for quicker interleaved runs of the write path and for profiles.
 *
 * <p>For scaling runs (one engine, one thread, many keys): {@code --progress-every 10000000} prints a progress line
 * every that many writes (throughput, process CPU per write and write p99 of the interval, live heap after a
 * collection, RSS, the engine's files, load average; the collection is not counted in the write time), and
 * {@code --phases write,sample --sample-reads 1000000} follows the load, without settling, with that many reads of
 * random keys (reported with their p99 and process CPU per read). {@code --read-existing W} (with the same
 * {@code --keys} and {@code --dir} as a load that was stopped after W writes) only reopens that store and runs the
 * sampled reads over the keys it holds.
 */
public final class EngineVsRocksDb {
    /** In the order of {@link #record}'s values. */
    private static final String[] METRICS = {"write", "read-warm", "read-cold", "scan", "write-cpu-us",
        "write-p99-us"};
    /** Goals for engine / RocksDB; the -us metrics (lower is better) have none. */
    private static final Map<String, Double> TARGETS = Map.of("write", 1.0, "read-warm", 0.7, "read-cold", 0.7,
            "scan", 0.7);

    /** One write in this many is timed alone for the latency percentile. */
    private static final int LATENCY_SAMPLE = 4;

    private final Map<String, String> opts;
    private final PrintStream out;
    private final int keys;
    private final int valueSize;
    private final Path dir;
    private final byte[] pool;
    private final boolean canDropCaches;
    /** engine → metric/threads → one value per round. */
    private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
    private final List<Double> loads = new ArrayList<>();

    private EngineVsRocksDb(Map<String, String> opts, PrintStream out) {
        this.opts = opts;
        this.out = out;
        this.keys = intOpt("keys", 1_000_000);
        this.valueSize = intOpt("value-size", 100);
        this.dir = Path.of(opts.getOrDefault("dir", "/tmp/ringlet-kv-bench"));
        this.pool = new byte[1 << 20];
        new SplittableRandom(7).nextBytes(pool);
        this.canDropCaches = dropCaches();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new EngineVsRocksDb(opts, System.out).run();
        System.exit(0);
    }

    private int intOpt(String name, int def) {
        return Integer.parseInt(opts.getOrDefault(name, Integer.toString(def)).replace("_", ""));
    }

    private void run() throws Exception {
        int rounds = intOpt("rounds", 3);
        List<String> engines = List.of(opts.getOrDefault("engines", "lsm,rocksdb").split(","));
        int[] threads = Stream.of(opts.getOrDefault("threads", "1,4").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        out.printf(Locale.ROOT, "# %d keys, %d-byte values, %d rounds, threads %s, engines %s%n", keys, valueSize,
                rounds, opts.getOrDefault("threads", "1,4"), engines);
        out.printf(Locale.ROOT, "# machine: %d cpus, java %s, max heap %d MiB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        out.printf(Locale.ROOT, "# page cache drop (/proc/sys/vm/drop_caches): %s%n",
                canDropCaches ? "yes" : "NOT permitted: cold reads only reopen with a small cache");
        out.printf(Locale.ROOT, "# jvm flags: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (opts.containsKey("read-existing")) {
            readExisting(engines.get(0), intOpt("read-existing", 0));
            return;
        }
        // a cycle of the full size, so that the JIT has compiled the paths of the measured data shape
        int warmupKeys = intOpt("warmup-keys", keys);
        if (warmupKeys > 0) {
            out.println("# warm-up cycle (not reported): " + warmupKeys + " keys per engine");
            for (String e : engines) {
                cycle(e, 2, warmupKeys, false, 99);
            }
        }
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(engines);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (int t : threads) {
                for (String e : order) {
                    cycle(e, t, keys, true, r);
                }
            }
        }
        report(engines, threads);
    }

    private KvStore open(String engine, Path where, boolean warm) throws Exception {
        long cache = (long) intOpt(warm ? "warm-cache-mb" : "cold-cache-mb", warm ? 256 : 8) << 20;
        return switch (engine) {
            case "lsm" -> new LsmKvStore(where, cache, (long) intOpt("memtable-mb", 256) << 20);
            case "rocksdb" -> new RocksKvStore(where, cache, (long) intOpt("write-buffer-mb", 64) << 20);
            default -> throw new IllegalArgumentException("unknown engine " + engine + " (lsm, rocksdb)");
        };
    }

    private void cycle(String engine, int threads, int n, boolean record, int round) throws Exception {
        Path where = dir.resolve(engine);
        deleteTree(where);
        int[] order = permutation(n, 1000L + round);
        double write;
        double writeCpu;
        double writeP99;
        String memory;
        double warm;
        double scan;
        String files;
        long settleMs;
        try (KvStore s = open(engine, where, true)) {
            long cpu0 = processCpuNanos();
            int[] latencies = new int[n / LATENCY_SAMPLE + 1]; // every LATENCY_SAMPLE-th write's time, ns
            Progress progress = new Progress(s, threads, latencies, record ? intOpt("progress-every", 0) : 0);
            write = timed(threads, n, (t, i) -> {
                long k = order[i];
                progress.before(i);
                if (i % LATENCY_SAMPLE == 0) {
                    long t0 = System.nanoTime();
                    s.put(k, value(k));
                    latencies[i / LATENCY_SAMPLE] = (int) Math.min(Integer.MAX_VALUE, System.nanoTime() - t0);
                } else {
                    s.put(k, value(k));
                }
            });
            write = n / (n / write - progress.pausedNanos / 1e9);
            writeCpu = (processCpuNanos() - cpu0 - progress.pausedCpuNanos) / 1000.0 / n;
            java.util.Arrays.sort(latencies);
            writeP99 = latencies[(int) (latencies.length * 0.99)] / 1000.0;
            System.gc();
            memory = String.format(Locale.ROOT, "heap live after load %d MiB, RSS %d MiB",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, rssMiB());
            if (writeOnly()) {
                files = s.describe();
                if (opts.getOrDefault("phases", "all").equals("write,sample")) {
                    files += "; " + sampledReads(s, n, round);
                }
                warm = 0;
                scan = 0;
                settleMs = 0;
            } else {
                long t0 = System.nanoTime();
                s.settle();
                settleMs = (System.nanoTime() - t0) / 1_000_000;
                files = s.describe();
                double secs = Double.parseDouble(opts.getOrDefault("read-seconds", "5"));
                // warm: every key read once (in random order) fills the caches, then the measured reads
                int[] all = permutation(n, 500L + round);
                timed(threads, n, (t, i) -> s.get(all[i]));
                warm = readFor(s, threads, n, secs, round + 17);
                long t1 = System.nanoTime();
                long c = s.scanAll(valueSize);
                scan = c / ((System.nanoTime() - t1) / 1e9);
                if (c != n) {
                    throw new IllegalStateException(engine + " scanned " + c + " of " + n + " entries");
                }
            }
        }
        double cold = 0;
        if (!writeOnly()) {
            try (KvStore s = reopenCold(engine, where)) {
                int reads = Math.min(n, intOpt("cold-reads", 20_000));
                int[] keysToRead = permutation(n, 77L + round);
                cold = timed(threads, reads, (t, i) -> {
                    if (s.get(keysToRead[i]) != valueSize) {
                        throw new IllegalStateException(engine + ": key " + keysToRead[i] + " missing");
                    }
                });
            }
        }
        deleteTree(where);
        record(engine, threads, record, round, new double[] {write, warm, cold, scan, writeCpu, writeP99}, settleMs,
                files + "; " + memory);
    }

    /**
     * Progress lines of a long load (one writer thread): every {@code every} writes, the interval's throughput,
     * CPU per write and p99, then a collection to report the live heap; the time and CPU of that collection and
     * of the report are kept apart so that the caller can leave them out of the write figures.
     */
    private final class Progress {
        private final KvStore store;
        private final int[] latencies;
        private final int every;
        private long lastNanos = System.nanoTime();
        private long lastCpu = processCpuNanos();
        private int lastIndex;
        long pausedNanos;
        long pausedCpuNanos;

        Progress(KvStore store, int threads, int[] latencies, int every) {
            if (every > 0 && threads != 1) {
                throw new IllegalArgumentException("--progress-every needs --threads 1");
            }
            this.store = store;
            this.latencies = latencies;
            this.every = every;
        }

        void before(int i) throws Exception {
            if (every <= 0 || i == 0 || i % every != 0) {
                return;
            }
            long now = System.nanoTime();
            long cpu = processCpuNanos();
            int[] lat = java.util.Arrays.copyOfRange(latencies, lastIndex / LATENCY_SAMPLE, i / LATENCY_SAMPLE);
            java.util.Arrays.sort(lat);
            double p99 = lat.length == 0 ? 0 : lat[(int) (lat.length * 0.99)] / 1000.0;
            int done = i - lastIndex;
            System.gc();
            out.printf(Locale.ROOT, "PROGRESS keys=%d interval: %.0f writes/s, %.2f µs process CPU per write,"
                            + " p99 %.1f µs; heap live %d MiB, RSS %d MiB; %s; load %s%n", i,
                    done / ((now - lastNanos) / 1e9), (cpu - lastCpu) / 1000.0 / done, p99,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, rssMiB(),
                    store.describe(), loadAverage());
            out.flush();
            long after = System.nanoTime();
            long afterCpu = processCpuNanos();
            pausedNanos += after - now;
            pausedCpuNanos += afterCpu - cpu;
            lastNanos = after;
            lastCpu = afterCpu;
            lastIndex = i;
        }
    }

    /**
     * {@code --read-existing W}: reopens the store an earlier run (same {@code --keys}, round 0) left in
     * {@code --dir} after writing its first W keys (a load stopped part-way, e.g. at a progress line), replays
     * its commit log and runs the sampled reads over those W keys, without writing or deleting anything.
     */
    private void readExisting(String engine, int written) throws Exception {
        int[] order = permutation(keys, 1000L);
        long t0 = System.nanoTime();
        try (KvStore s = open(engine, dir.resolve(engine), true)) {
            out.printf(Locale.ROOT, "# reopened in %d ms: %s; heap used %d MiB, RSS %d MiB; load %s%n",
                    (System.nanoTime() - t0) / 1_000_000, s.describe(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, rssMiB(),
                    loadAverage());
            out.println("RESULT engine=" + engine + " existing keys=" + written + "; "
                    + sampledReads(s, written, 0, order));
        }
    }

    /** Reads of random keys (one thread) right after the load, without settling; returns a description. */
    private String sampledReads(KvStore s, int n, int round) throws Exception {
        return sampledReads(s, n, round, null);
    }

    /** As above; with {@code order}, the keys read are {@code order[0..n)} (the first n keys a load wrote). */
    private String sampledReads(KvStore s, int n, int round, int[] order) throws Exception {
        int reads = intOpt("sample-reads", 1_000_000);
        SplittableRandom rnd = new SplittableRandom(4242L + round);
        int[] lat = new int[reads];
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            long k = order == null ? rnd.nextInt(n) : order[rnd.nextInt(n)];
            long t0 = System.nanoTime();
            if (s.get(k) != valueSize) {
                throw new IllegalStateException("key " + k + " missing");
            }
            lat[i] = (int) Math.min(Integer.MAX_VALUE, System.nanoTime() - t0);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1000.0 / reads;
        java.util.Arrays.sort(lat);
        return String.format(Locale.ROOT, "sampled reads: %d random keys, %.0f reads/s, %.2f µs process CPU per read,"
                        + " p50 %.1f µs, p99 %.1f µs; files then: %s; load %s", reads, reads / secs, cpu,
                lat[reads / 2] / 1000.0, lat[(int) (reads * 0.99)] / 1000.0, s.describe(), loadAverage());
    }

    private static long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of the whole process (every thread: writers, flushes, compactions, GC). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private boolean writeOnly() {
        return opts.getOrDefault("phases", "all").startsWith("write");
    }

    /** values: write, read-warm, read-cold, scan (ops/s), write CPU µs per op, write p99 µs. */
    private void record(String engine, int threads, boolean record, int round, double[] values, long settleMs,
            String files) {
        String load = loadAverage();
        out.printf(Locale.ROOT, "%s round=%d engine=%s threads=%d write=%.0f read-warm=%.0f read-cold=%.0f scan=%.0f"
                        + " ops/s (write: %.2f µs process CPU per write, p99 %.1f µs; settle %d ms; %s; load %s)%n",
                record ? "RESULT" : "warmup", round, engine, threads, values[0], values[1], values[2], values[3],
                values[4], values[5], settleMs, files, load);
        if (record) {
            loads.add(Double.parseDouble(load.split(" ")[0]));
            Map<String, List<Double>> m = results.computeIfAbsent(engine, k -> new LinkedHashMap<>());
            for (int i = 0; i < METRICS.length; i++) {
                m.computeIfAbsent(METRICS[i] + "/" + threads, k -> new ArrayList<>()).add(values[i]);
            }
        }
    }

    private KvStore reopenCold(String engine, Path where) throws Exception {
        if (canDropCaches) {
            dropCaches();
        }
        return open(engine, where, false);
    }

    private double readFor(KvStore s, int threads, int n, double seconds, long seed) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong ops = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + t);
            Thread th = new Thread(() -> {
                long done = 0;
                try {
                    while ((done & 63) != 0 || System.nanoTime() < deadline) {
                        long k = rnd.nextInt(n);
                        if (s.get(k) != valueSize) {
                            throw new IllegalStateException("key " + k + " missing");
                        }
                        done++;
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
                ops.addAndGet(done);
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.get(0));
        }
        return ops.get() / ((System.nanoTime() - start) / 1e9);
    }

    interface Op {
        void run(int thread, int index) throws Exception;
    }

    /** Runs ops 0..n-1 split in contiguous parts over the threads; returns ops per second. */
    private static double timed(int threads, int n, Op op) throws Exception {
        List<Thread> ts = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    for (int i = from; i < to; i++) {
                        op.run(id, i);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.get(0));
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** A fresh copy of the key's value (as a request decoded from the network would be). */
    private byte[] value(long k) {
        byte[] v = new byte[valueSize];
        int off = (int) ((k * 0x9E3779B9L & 0x7fffffffL) % (pool.length - valueSize));
        System.arraycopy(pool, off, v, 0, valueSize);
        return v;
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }

    private static boolean dropCaches() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "1");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String spread(List<Double> v, String fmt) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return String.format(Locale.ROOT, fmt + "–" + fmt, s.get(0), s.get(s.size() - 1));
    }

    private void report(List<String> engines, int[] threads) {
        out.println();
        out.printf(Locale.ROOT, "# load average during the rounds: median %.2f, range %s%n", median(loads),
                spread(loads, "%.2f"));
        out.println("| metric | threads | " + String.join(" | ", engines.stream().map(e -> e + " ops/s median (range)")
                .toList()) + (engines.size() == 2 ? " | ratio median (range) | target | met |" : " |"));
        out.println("|---|---|" + "---|".repeat(engines.size()) + (engines.size() == 2 ? "---|---|---|" : ""));
        for (String metric : METRICS) {
            if (writeOnly() && metric.startsWith("read") || writeOnly() && metric.equals("scan")) {
                continue;
            }
            for (int t : threads) {
                String k = metric + "/" + t;
                StringBuilder row = new StringBuilder("| " + metric + " | " + t + " |");
                for (String e : engines) {
                    List<Double> v = results.get(e).get(k);
                    row.append(metric.endsWith("-us")
                            ? String.format(Locale.ROOT, " %.2f (%s) |", median(v), spread(v, "%.2f"))
                            : String.format(Locale.ROOT, " %,.0f (%s) |", median(v), spread(v, "%,.0f")));
                }
                if (engines.size() == 2) {
                    List<Double> a = results.get(engines.get(0)).get(k);
                    List<Double> b = results.get(engines.get(1)).get(k);
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                        ratios.add(a.get(i) / b.get(i));
                    }
                    double med = median(ratios);
                    Double target = TARGETS.get(metric);
                    row.append(target == null
                            ? String.format(Locale.ROOT, " %.2f (%s) | - | - |", med, spread(ratios, "%.2f"))
                            : String.format(Locale.ROOT, " %.2f (%s) | ≥ %.1f | %s |", med, spread(ratios, "%.2f"),
                                    target, med >= target ? "yes" : "NO"));
                }
                out.println(row);
            }
        }
    }
}

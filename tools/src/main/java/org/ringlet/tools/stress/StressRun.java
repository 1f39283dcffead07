package org.ringlet.tools.stress;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.ringlet.tools.cqlsh.ErrorMessages;
import org.ringlet.tools.cqlsh.format.CqlValueFormatter;

import static java.util.Objects.requireNonNull;

/**
 * One closed-loop run: the calling thread issues asynchronous requests, at most {@code concurrency} in flight,
 * until the deadline, the operation limit or (populate) the last key; latency is measured per request from send to
 * completion, in microseconds, without coordinated-omission correction (as the peer load generator). Prints a line
 * per report interval and the summary. Not thread-safe; one run per instance.
 */
final class StressRun {
    private static final long MAX_LATENCY_US = 3_600_000_000L;
    private static final long DRAIN_SECONDS = 30;

    /** What a run did. */
    record Outcome(long ok, long errors, long misses, Map<String, String> result) {
    }

    private final CqlSession session;
    private final StressConfig config;
    private final PrintStream out;
    private final Recorder recorder = new Recorder(MAX_LATENCY_US, 3);
    private final Histogram total = new Histogram(MAX_LATENCY_US, 3);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final Map<String, Long> errorSamples = new ConcurrentHashMap<>();
    private final ByteBuffer[] values;
    private final String[] valueLiterals;
    private final SplittableRandom random;
    private PreparedStatement insert;
    private PreparedStatement select;
    private long nextPopulateKey;

    StressRun(CqlSession session, StressConfig config, PrintStream out) {
        this.session = requireNonNull(session, "session is null");
        this.config = requireNonNull(config, "config is null");
        this.out = requireNonNull(out, "out is null");
        Random rnd = new Random(config.seed());
        values = new ByteBuffer[1024];
        valueLiterals = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            byte[] b = new byte[config.valueSize()];
            rnd.nextBytes(b);
            values[i] = ByteBuffer.wrap(b);
            valueLiterals[i] = CqlValueFormatter.blob(values[i]);
        }
        random = new SplittableRandom(config.seed());
    }

    Outcome run() {
        if (config.prepared()) {
            insert = session.prepare("INSERT INTO " + config.table() + " (k, v) VALUES (?, ?)");
            select = session.prepare("SELECT v FROM " + config.table() + " WHERE k = ?");
        }
        int concurrency = config.concurrency();
        Semaphore inflight = new Semaphore(concurrency);
        long reportNanos = config.reportInterval().toNanos();
        long t0 = System.nanoTime();
        boolean measuring = config.warmup().isZero();
        long warmEnd = t0 + config.warmup().toNanos();
        long measureStart = t0;
        long end = warmEnd + config.duration().toNanos();
        long nextReport = t0 + reportNanos;
        long lastReportT = t0;
        long lastReportOps = 0;
        long issued = 0;
        boolean exhausted = false;
        Histogram interval = null;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= warmEnd) {
                acquireAll(inflight, concurrency);
                recorder.getIntervalHistogram();
                ok.set(0);
                errors.set(0);
                misses.set(0);
                errorSamples.clear();
                measuring = true;
                measureStart = System.nanoTime();
                end = measureStart + config.duration().toNanos();
                lastReportT = measureStart;
                lastReportOps = 0;
                nextReport = measureStart + reportNanos;
                inflight.release(concurrency);
                out.println("stress: warmup done, measuring");
                continue;
            }
            if (now >= end || (config.maxOps() > 0 && measuring && issued >= config.maxOps())) {
                break;
            }
            if (measuring && now >= nextReport) {
                interval = recorder.getIntervalHistogram(interval);
                total.add(interval);
                long done = ok.get() + errors.get();
                out.println(Report.interval((now - measureStart) / 1e9, (done - lastReportOps) / ((now - lastReportT) / 1e9),
                        interval, errors.get()));
                lastReportOps = done;
                lastReportT = now;
                nextReport += reportNanos;
            }
            if (!tryAcquire(inflight, Math.max(1, Math.min(end, nextReport) - now))) {
                continue;
            }
            boolean read = config.mix().readShare() > 0 && random.nextDouble() < config.mix().readShare();
            long key;
            if (config.mix().populate()) {
                if (nextPopulateKey >= config.keys()) {
                    inflight.release();
                    exhausted = true;
                    break;
                }
                key = nextPopulateKey++;
            } else {
                key = random.nextLong(config.keys());
            }
            Statement<?> st = statement(read, key, random.nextInt(values.length));
            boolean counted = measuring;
            if (counted) {
                issued++;
            }
            long start = System.nanoTime();
            CompletionStage<AsyncResultSet> f;
            try {
                f = session.executeAsync(st);
            } catch (RuntimeException e) {
                inflight.release();
                if (counted) {
                    recordError(e);
                }
                continue;
            }
            f.whenComplete((rs, error) -> {
                try {
                    if (!counted) {
                        return;
                    }
                    if (error != null) {
                        recordError(error);
                    } else {
                        recorder.recordValue(Math.min(MAX_LATENCY_US, Math.max(1, (System.nanoTime() - start) / 1000)));
                        ok.incrementAndGet();
                        if (read && rs.one() == null) {
                            misses.incrementAndGet();
                        }
                    }
                } finally {
                    inflight.release();
                }
            });
        }
        long stopIssuing = System.nanoTime();
        boolean drained = acquireAllWithin(inflight, concurrency, TimeUnit.SECONDS.toNanos(DRAIN_SECONDS));
        long tEnd = System.nanoTime();
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        double secs = (tEnd - measureStart) / 1e9;
        if (!drained) {
            out.println("stress: warning: in-flight requests did not complete within " + DRAIN_SECONDS + " s");
        }
        if (!errorSamples.isEmpty()) {
            out.println("stress: error samples (count by message):");
            errorSamples.entrySet().stream().limit(5).forEach(e -> out.println("  " + e.getValue() + " x " + e.getKey()));
        }
        if (config.mix().populate()) {
            out.printf("stress: populate %s: %d keys written of %d%n",
                    exhausted ? "complete" : "INCOMPLETE (duration reached)", ok.get(), config.keys());
        }
        Map<String, String> result = Report.result(config.mix().workload(), ok.get(), errors.get(), misses.get(), secs,
                total, config.concurrency(), config.keys(), config.consistency().name(), config.prepared(),
                config.port());
        out.printf("stress: issuing stopped after %.2f s%n", (stopIssuing - measureStart) / 1e9);
        out.print(Report.summary(result));
        out.flush();
        return new Outcome(ok.get(), errors.get(), misses.get(), result);
    }

    private Statement<?> statement(boolean read, long key, int valueIndex) {
        Statement<?> st;
        if (config.prepared()) {
            st = read ? select.bind(key) : insert.bind(key, values[valueIndex].duplicate());
        } else {
            st = read ? SimpleStatement.newInstance("SELECT v FROM " + config.table() + " WHERE k = " + key)
                    : SimpleStatement.newInstance("INSERT INTO " + config.table() + " (k, v) VALUES (" + key + ", "
                    + valueLiterals[valueIndex] + ")");
        }
        return st.setConsistencyLevel(config.consistency()).setTimeout(config.timeout());
    }

    private void recordError(Throwable t) {
        errors.incrementAndGet();
        String key = ErrorMessages.describe(t);
        if (key.length() > 200) {
            key = key.substring(0, 200);
        }
        if (errorSamples.size() < 20 || errorSamples.containsKey(key)) {
            errorSamples.merge(key, 1L, Long::sum);
        }
    }

    private static boolean tryAcquire(Semaphore s, long nanos) {
        try {
            return s.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean acquireAllWithin(Semaphore s, int permits, long nanos) {
        try {
            return s.tryAcquire(permits, nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void acquireAll(Semaphore s, int permits) {
        acquireAllWithin(s, permits, TimeUnit.SECONDS.toNanos(DRAIN_SECONDS));
    }
}

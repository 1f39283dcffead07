package org.ringlet.testkit.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a real process with a deadline and collects what it printed (standard output and error together), or talks
 * with one line by line ({@link Interactive}).
 */
final class Processes {
    private Processes() {
    }

    /** A finished process. */
    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, Duration deadline) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out), "process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                reader.join(10_000);
                fail(command + " did not finish within " + deadline + "; it printed:\n" + text(out));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Result(p.exitValue(), text(out));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process went away; what it printed so far is kept
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Starts a process to talk with: lines to its standard input, lines of its output awaited with a deadline. */
    static Interactive start(List<String> command, Path directory) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        try {
            return new Interactive(command, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** A running process; closing it ends it (by its own handle) if it is still running. */
    static final class Interactive implements AutoCloseable {
        private static final String END = "\u0000end of output";
        private final List<String> command;
        private final Process process;
        private final Writer input;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private Interactive(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "process-lines");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process went away; the lines read so far are kept
            } finally {
                lines.add(END);
            }
        }

        /** Sends a line to the process's standard input. */
        void send(String line) {
            try {
                input.write(line + "\n");
                input.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + command + "; it printed:\n" + output(), e);
            }
        }

        /**
         * The next output line that starts with one of the prefixes (the lines before it, such as a driver's log
         * lines, are skipped and kept for {@link #output}).
         */
        String await(Duration deadline, String... prefixes) {
            String prefix = String.join("' or '", prefixes);
            long end = System.nanoTime() + deadline.toNanos();
            try {
                while (true) {
                    long left = end - System.nanoTime();
                    String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                    if (line == null) {
                        fail("no line starting with '" + prefix + "' from " + command + " within " + deadline
                                + "; it printed:\n" + output());
                    }
                    if (line.equals(END)) {
                        lines.add(END);
                        fail(command + " ended before printing a line starting with '" + prefix + "'; it printed:\n"
                                + output());
                    }
                    seen.add(line);
                    for (String p : prefixes) {
                        if (line.startsWith(p)) {
                            return line;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /** Every line awaited so far. */
        String output() {
            return String.join("\n", seen);
        }

        /** Waits for the process to exit by itself and gives its exit code. */
        int waitFor(Duration deadline) {
            try {
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    fail(command + " did not exit within " + deadline + "; it printed:\n" + output());
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}

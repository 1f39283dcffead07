package org.ringlet.node.logging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped {@code conf/logback.xml} set up directly gives the same logging as logback parsing that file; any
 * other file is left to logback, so users' edits keep working.
 */
class DefaultLoggingTest {
    private static final List<String> PROPERTIES = List.of("ringlet.logdir", "ringlet.logfile",
            "ringlet.console.level", DefaultLogging.CONFIGURATION_FILE);

    @TempDir
    Path dir;

    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void save() {
        PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static Path shipped() {
        return Path.of(System.getProperty("ringlet.source.root"), "conf", "logback.xml");
    }

    private Path edited() throws Exception {
        Path edited = dir.resolve("logback.xml");
        String xml = Files.readString(shipped());
        String changed = xml.replace("<root level=\"INFO\">", "<root level=\"DEBUG\">");
        assertFalse(xml.equals(changed), "the shipped file has the root element this test edits");
        Files.writeString(edited, changed);
        return edited;
    }

    @Test
    void recognizesOnlyTheShippedFile() throws Exception {
        assertTrue(DefaultLogging.isShippedFile(shipped().toString()));
        assertFalse(DefaultLogging.isShippedFile(edited().toString()));
        assertFalse(DefaultLogging.isShippedFile(dir.resolve("missing.xml").toString()));
        assertFalse(DefaultLogging.isShippedFile(dir.toString()));
        assertFalse(DefaultLogging.isShippedFile(null));
        assertFalse(DefaultLogging.isShippedFile(""));
        assertFalse(DefaultLogging.isShippedFile(shipped().toUri().toString()), "URLs are left to logback");
    }

    @Test
    void theDirectSetupIsWhatLogbackMakesOfTheShippedFile() throws Exception {
        System.setProperty("ringlet.logfile", "node.log");
        System.setProperty("ringlet.console.level", "WARN");

        System.setProperty("ringlet.logdir", dir.resolve("joran").toString());
        LoggerContext joran = context();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(joran);
        configurator.doConfigure(shipped().toFile());

        System.setProperty("ringlet.logdir", dir.resolve("direct").toString());
        LoggerContext direct = context();
        DefaultLogging.apply(direct);
        try {
            assertEquals(describe(joran).replace("/joran/", "/X/"), describe(direct).replace("/direct/", "/X/"));
            assertTrue(describe(direct).contains("file=" + dir.resolve("direct/node.log")), describe(direct));

            joran.getLogger("org.ringlet.Example").info("hello {}", 42);
            direct.getLogger("org.ringlet.Example").info("hello {}", 42);
            joran.getLogger("org.ringlet.Example").debug("not logged at INFO");
            direct.getLogger("org.ringlet.Example").debug("not logged at INFO");
        } finally {
            joran.stop();
            direct.stop();
        }
        List<String> a = withoutDates(Files.readAllLines(dir.resolve("joran/node.log"), StandardCharsets.UTF_8));
        List<String> b = withoutDates(Files.readAllLines(dir.resolve("direct/node.log"), StandardCharsets.UTF_8));
        assertEquals(List.of("INFO  [main] DATE org.ringlet.Example - hello 42"), a);
        assertEquals(a, b);
    }

    @Test
    void configuresTheShippedFileAndStepsAsideForAnyOther() throws Exception {
        System.setProperty("ringlet.logdir", dir.resolve("logs").toString());
        System.setProperty(DefaultLogging.CONFIGURATION_FILE, edited().toString());
        LoggerContext other = context();
        DefaultLogging logging = new DefaultLogging();
        logging.setContext(other);
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, logging.configure(other));
        assertFalse(other.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(),
                "nothing configured: logback's own configurators read the edited file");

        System.clearProperty(DefaultLogging.CONFIGURATION_FILE);
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, logging.configure(other));

        System.setProperty(DefaultLogging.CONFIGURATION_FILE, shipped().toString());
        LoggerContext ours = context();
        logging = new DefaultLogging();
        logging.setContext(ours);
        try {
            assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(ours));
            assertTrue(describe(ours).contains("FILE RollingFileAppender"), describe(ours));
        } finally {
            ours.stop();
        }
    }

    @Test
    void logbackFindsTheConfigurator() throws Exception {
        String services = new String(DefaultLoggingTest.class.getResourceAsStream(
                "/META-INF/services/ch.qos.logback.classic.spi.Configurator").readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(DefaultLogging.class.getName(), services.strip());
        assertTrue(DefaultLogging.class.getResource(DefaultLogging.SHIPPED) != null, "the build copies the file");
    }

    /** A logger context of its own, as logback's SLF4J provider makes one. */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }

    /** The root logger's level and appenders with what matters of each. */
    private static String describe(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<String> lines = new ArrayList<>();
        lines.add("root " + root.getLevel());
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            appenders.add(it.next());
        }
        appenders.sort(java.util.Comparator.comparing(Appender::getName));
        for (Appender<ILoggingEvent> a : appenders) {
            StringBuilder sb = new StringBuilder(a.getName() + " " + a.getClass().getSimpleName() + " started="
                    + a.isStarted());
            if (a instanceof OutputStreamAppender<ILoggingEvent> out
                    && out.getEncoder() instanceof PatternLayoutEncoder enc) {
                sb.append(" pattern=").append(enc.getPattern());
            }
            if (a instanceof RollingFileAppender<ILoggingEvent> file) {
                sb.append(" file=").append(file.getFile());
                FixedWindowRollingPolicy rolling = (FixedWindowRollingPolicy) file.getRollingPolicy();
                sb.append(" rolling=").append(rolling.getFileNamePattern()).append(' ')
                        .append(rolling.getMinIndex()).append('-').append(rolling.getMaxIndex())
                        .append(' ').append(rolling.getCompressionMode());
                SizeBasedTriggeringPolicy<?> triggering = (SizeBasedTriggeringPolicy<?>) file.getTriggeringPolicy();
                sb.append(" max=").append(triggering.getMaxFileSize());
            }
            for (Filter<ILoggingEvent> f : a.getCopyOfAttachedFiltersList()) {
                sb.append(" filter=").append(f.getClass().getSimpleName());
                if (f instanceof ThresholdFilter) {
                    sb.append(':').append(thresholdOf(a, context));
                }
            }
            lines.add(sb.toString());
        }
        return String.join("\n", lines);
    }

    /** ThresholdFilter has no getter: the lowest level the appender lets through. */
    private static String thresholdOf(Appender<ILoggingEvent> appender, LoggerContext context) {
        for (ch.qos.logback.classic.Level level : List.of(ch.qos.logback.classic.Level.TRACE,
                ch.qos.logback.classic.Level.DEBUG, ch.qos.logback.classic.Level.INFO,
                ch.qos.logback.classic.Level.WARN, ch.qos.logback.classic.Level.ERROR)) {
            ch.qos.logback.classic.spi.LoggingEvent e = new ch.qos.logback.classic.spi.LoggingEvent(
                    Logger.class.getName(), context.getLogger("x"), level, "m", null, null);
            if (appender.getFilterChainDecision(e) != ch.qos.logback.core.spi.FilterReply.DENY) {
                return level.toString();
            }
        }
        return "OFF";
    }

    private static List<String> withoutDates(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}", "DATE"))
                .toList();
    }
}

package org.ringlet.node.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * Sets up the node's logging without parsing XML when the configuration file the launcher names
 * ({@code -Dlogback.configurationFile}, {@code conf/logback.xml}) is, byte for byte, the one the distribution ships:
 * the same appenders, patterns, rolling policy and levels, built directly (ADR 0147). Parsing that file with
 * logback's Joran loads an XML parser and several hundred classes and cost about a fifth of the start-up's CPU.
 *
 * <p>Any other file, an edited {@code conf/logback.xml} included, and no file at all, are left to logback as
 * before: this configurator then steps aside and logback's own ones (Joran, then its basic console setup) run.
 * Found by logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class DefaultLogging extends ContextAwareBase implements Configurator {
    /** The copy of the shipped {@code conf/logback.xml} in this jar (put there by the build). */
    static final String SHIPPED = "/org/ringlet/node/logging/logback.xml";
    static final String CONFIGURATION_FILE = "logback.configurationFile";

    /** A public no-argument constructor, for logback's service loader. */
    public DefaultLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!isShippedFile(System.getProperty(CONFIGURATION_FILE))) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        addInfo("Configured the shipped logging setup directly (" + getClass().getName() + ")");
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether {@code file} names a file with exactly the shipped configuration's bytes. */
    static boolean isShippedFile(String file) {
        if (file == null || file.isEmpty() || file.contains("://")) {
            return false;
        }
        try (InputStream in = DefaultLogging.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                return false;
            }
            Path path = Path.of(file);
            return Files.isRegularFile(path) && Arrays.equals(in.readAllBytes(), Files.readAllBytes(path));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What the shipped {@code conf/logback.xml} declares, applied to {@code context}. */
    static void apply(LoggerContext context) {
        String logdir = variable("ringlet.logdir", "logs");
        String logfile = variable("ringlet.logfile", "system.log");

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logdir + "/" + logfile);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setFileNamePattern(logdir + "/" + logfile + ".%i.zip");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(10);
        rolling.setParent(file);
        SizeBasedTriggeringPolicy<ILoggingEvent> triggering = new SizeBasedTriggeringPolicy<>();
        triggering.setContext(context);
        triggering.setMaxFileSize(FileSize.valueOf("50MB"));
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(triggering);
        file.setEncoder(encoder(context, "%-5level [%thread] %date{ISO8601} %logger{36} - %msg%n"));
        rolling.start();
        triggering.start();
        file.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(variable("ringlet.console.level", "OFF"));
        threshold.start();
        console.addFilter(threshold);
        console.setEncoder(encoder(context, "%-5level [%thread] %date{HH:mm:ss.SSS} %logger{0} - %msg%n"));
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(console);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /** {@code ${name:-fallback}} as logback resolves it: a system property, else an environment variable. */
    private static String variable(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value != null ? value : fallback;
    }
}

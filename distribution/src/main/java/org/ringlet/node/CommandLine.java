package org.ringlet.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringlet.api.error.ConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * The parsed command line of {@link Main}: a command, the launcher's options, and setting overrides given as
 * {@code --<cassandra.yaml key> <value>} (dashes or underscores), plus {@code --seeds}, {@code --dc} and
 * {@code --rack}.
 *
 * @param command     {@code start}, {@code components}, {@code config} or {@code help}
 * @param data        {@code --data DIR}
 * @param config      {@code --config FILE}
 * @param confDir     {@code --conf-dir DIR}
 * @param plugins     {@code --plugins DIR}
 * @param statusFile  {@code --status-file FILE}: where {@code start} reports that the node is up
 * @param foreground  {@code --foreground}: accepted for the launcher, which sets up console logging
 * @param settings    the setting overrides by key
 */
record CommandLine(String command, Optional<Path> data, Optional<Path> config, Optional<Path> confDir,
                   Optional<Path> plugins, Optional<Path> statusFile, boolean foreground,
                   Map<String, String> settings) {

    CommandLine {
        requireNonNull(command, "command is null");
        settings = Map.copyOf(settings);
    }

    static String usage() {
        return String.join("\n", List.of(
                "usage: ringlet <command> [options]",
                "",
                "commands:",
                "  start        start a node (the launcher runs it in the background)",
                "  components   list the discovered components: kind, name, aliases, origin",
                "  config       print the effective configuration and where each value came from",
                "",
                "options:",
                "  --data DIR          root of every directory the configuration leaves unset (default ./data)",
                "  --config FILE       configuration file (ringlet.yaml or a cassandra.yaml)",
                "  --conf-dir DIR      where cassandra-rackdc.properties and friends are (default: the config's",
                "                      directory)",
                "  --plugins DIR       plugin directories (default ./plugins)",
                "  --foreground        log to the console too",
                "  --<key> VALUE       override a cassandra.yaml setting, e.g. --listen-address 127.0.0.2,",
                "                      --native-transport-port 9043, --seeds 127.0.0.1, --dc dc1, --rack r1"));
    }

    /**
     * @throws ConfigurationException for a missing command, an option without a value or an unknown command
     */
    static CommandLine parse(List<String> args) {
        if (args.isEmpty()) {
            throw new ConfigurationException("No command given\n" + usage());
        }
        String command = args.get(0);
        if (!List.of("start", "components", "config", "help", "--help", "-h").contains(command)) {
            throw new ConfigurationException("Unknown command '" + command + "'\n" + usage());
        }
        Path data = null;
        Path config = null;
        Path confDir = null;
        Path plugins = null;
        Path statusFile = null;
        boolean foreground = false;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigurationException("Unexpected argument '" + arg + "'\n" + usage());
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("foreground")) {
                foreground = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new ConfigurationException("Option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "data" -> data = Path.of(value);
                case "config" -> config = Path.of(value);
                case "conf-dir" -> confDir = Path.of(value);
                case "plugins" -> plugins = Path.of(value);
                case "status-file" -> statusFile = Path.of(value);
                case "seeds" -> settings.put("seed_provider", value);
                default -> settings.put(name.replace('-', '_'), value);
            }
        }
        String normalized = command.startsWith("-") ? "help" : command;
        return new CommandLine(normalized, Optional.ofNullable(data), Optional.ofNullable(config),
                Optional.ofNullable(confDir), Optional.ofNullable(plugins), Optional.ofNullable(statusFile),
                foreground, settings);
    }
}

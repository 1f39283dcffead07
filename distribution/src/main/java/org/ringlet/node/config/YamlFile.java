package org.ringlet.node.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.ConfigurationException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a configuration file into its top-level entries, keeping each key's line for error messages. Values are
 * kept untyped: scalars as strings (a YAML null, such as {@code key:} with nothing after it, as null), sequences
 * as lists and mappings as maps; the settings parse them.
 */
final class YamlFile {

    /** One top-level entry. */
    record Entry(String key, Object value, int line) {
    }

    private YamlFile() {
    }

    /**
     * @throws ConfigurationException when the file cannot be read, is not YAML, is not a mapping of keys, or
     *                                repeats a key
     */
    static List<Entry> read(Path file) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the configuration file " + file + ": " + e, e);
        } catch (YAMLException e) {
            throw new ConfigurationException("The configuration file " + file + " is not valid YAML: "
                    + e.getMessage(), e);
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ConfigurationException("The configuration file " + file
                    + " must be a mapping of keys to values (like cassandra.yaml), found " + describe(root));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int line = tuple.getKeyNode().getStartMark().getLine() + 1;
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ConfigurationException("The configuration file " + file + " has a key that is not a name at"
                        + " line " + line);
            }
            String key = keyNode.getValue();
            Integer earlier = seen.put(key, line);
            if (earlier != null) {
                throw new ConfigurationException("The configuration file " + file + " sets '" + key + "' twice (lines "
                        + earlier + " and " + line + "); remove one");
            }
            entries.add(new Entry(key, toJava(tuple.getValueNode()), line));
        }
        return entries;
    }

    private static Object toJava(Node node) {
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(n -> list.add(toJava(n)));
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Object key = toJava(t.getKeyNode());
            map.put(String.valueOf(key), toJava(t.getValueNode()));
        }
        return map;
    }

    private static String describe(Node node) {
        return node instanceof SequenceNode ? "a list" : "a single value";
    }
}

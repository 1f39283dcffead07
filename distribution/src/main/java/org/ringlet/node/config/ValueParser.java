package org.ringlet.node.config;

import java.nio.file.Path;

/** Parses one setting's raw value (a YAML scalar as a string, a list or a map) into its typed value. */
@FunctionalInterface
interface ValueParser {

    /**
     * @param raw  a {@code String}, {@code List} or {@code Map}; never null
     * @param base the directory relative paths are resolved against
     * @throws BadValueException saying what is allowed
     */
    Object parse(Object raw, Path base) throws BadValueException;
}

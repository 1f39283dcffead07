package org.ringlet.tools.cqlsh.format;

/** The ANSI colour codes cqlsh uses. */
public final class Ansi {
    public static final String RED = "\033[0;1;31m";
    public static final String GREEN = "\033[0;1;32m";
    public static final String YELLOW = "\033[0;1;33m";
    public static final String BLUE = "\033[0;1;34m";
    public static final String MAGENTA = "\033[0;1;35m";
    public static final String CYAN = "\033[0;1;36m";
    public static final String WHITE = "\033[0;1;37m";
    public static final String DARK_MAGENTA = "\033[0;35m";
    public static final String RESET = "\033[0m";

    private Ansi() {
    }
}

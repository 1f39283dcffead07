package org.ringlet.tools.cqlsh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits shell input into statements as cqlsh does: CQL statements end with {@code ;} outside strings
 * ({@code '…'}, {@code $$…$$}), quoted names ({@code "…"}) and comments ({@code --}, {@code //}, {@code /* … *}{@code /});
 * the shell's own commands ({@code HELP}, {@code EXPAND}, {@code DESCRIBE}, …) also end at the end of their line.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatementSplitter {
    /** The commands that end at a newline as well as at {@code ;}. */
    public static final Set<String> LINE_COMMANDS = Set.of("help", "?", "consistency", "serial", "describe", "desc",
            "show", "source", "capture", "login", "debug", "tracing", "expand", "paging", "exit", "quit", "clear",
            "cls", "history");

    /**
     * One statement.
     *
     * @param text    the statement from its first token through its terminator ({@code ;} included for CQL,
     *                the line end excluded for shell commands)
     * @param command the first word, lower case ({@code "?"} for a question mark)
     */
    public record Statement(String text, String command) {
        /** The text without a trailing {@code ;} and surrounding blanks. */
        public String body() {
            String t = text.strip();
            while (t.endsWith(";")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            return t;
        }
    }

    /**
     * The statements of some input.
     *
     * @param statements the complete statements, in order
     * @param complete   false when the input ends inside a statement (more lines are needed)
     */
    public record Split(List<Statement> statements, boolean complete) {
    }

    private StatementSplitter() {
    }

    /** Splits {@code input}. */
    public static Split split(String input) {
        List<Statement> out = new ArrayList<>();
        int i = 0;
        int n = input.length();
        int start = -1;
        String command = null;
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                if (c == '\n' && start >= 0 && LINE_COMMANDS.contains(command)) {
                    out.add(new Statement(input.substring(start, i).stripTrailing(), command));
                    start = -1;
                    command = null;
                }
                i++;
                continue;
            }
            if ((c == '-' && i + 1 < n && input.charAt(i + 1) == '-')
                    || (c == '/' && i + 1 < n && input.charAt(i + 1) == '/')) {
                int eol = input.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (c == '/' && i + 1 < n && input.charAt(i + 1) == '*') {
                int end = input.indexOf("*/", i + 2);
                if (end < 0) {
                    return new Split(out, false);
                }
                i = end + 2;
                continue;
            }
            if (start < 0) {
                start = i;
                command = firstWord(input, i);
            }
            if (c == '\'' || c == '"') {
                int end = endOfQuoted(input, i, c);
                if (end < 0) {
                    return new Split(out, false);
                }
                i = end;
                continue;
            }
            if (c == '$' && i + 1 < n && input.charAt(i + 1) == '$') {
                int end = input.indexOf("$$", i + 2);
                if (end < 0) {
                    return new Split(out, false);
                }
                i = end + 2;
                continue;
            }
            if (c == ';') {
                out.add(new Statement(input.substring(start, i + 1), command));
                start = -1;
                command = null;
            }
            i++;
        }
        return new Split(out, start < 0);
    }

    private static String firstWord(String s, int from) {
        if (s.charAt(from) == '?') {
            return "?";
        }
        int end = from;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return s.substring(from, end).toLowerCase(Locale.ROOT);
    }

    /** The index after the closing quote, or -1 when the quoted text is not closed. */
    private static int endOfQuoted(String s, int from, char quote) {
        int i = from + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }
}

package org.ringlet.tools.cqlsh;

import java.io.IOException;
import java.io.Reader;

import static java.util.Objects.requireNonNull;

/** Where the shell reads its input lines from: a terminal (with prompts and editing) or a stream or file. */
public interface LineSource {

    /**
     * The next line with its line end ({@code \n}; the last line of a stream may have none), or null at the end
     * of input.
     *
     * @param prompt shown first when the source is a terminal
     * @throws Interrupted when the user pressed Ctrl-C (terminals only)
     */
    String readLine(String prompt) throws IOException;

    /** The name errors are prefixed with: {@code <stdin>} or the file name. */
    String name();

    /** Thrown by terminal sources when the user cancels the current line with Ctrl-C. */
    final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** Lines of a character stream, read as Python's {@code readline} reads them. */
    static LineSource of(Reader reader, String name) {
        requireNonNull(reader, "reader is null");
        requireNonNull(name, "name is null");
        return new LineSource() {
            @Override
            public String readLine(String prompt) throws IOException {
                StringBuilder sb = new StringBuilder();
                int c;
                while ((c = reader.read()) >= 0) {
                    sb.append((char) c);
                    if (c == '\n') {
                        break;
                    }
                }
                return sb.length() == 0 ? null : sb.toString();
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}

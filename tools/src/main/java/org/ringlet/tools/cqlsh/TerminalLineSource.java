package org.ringlet.tools.cqlsh;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import static java.util.Objects.requireNonNull;

/** Lines typed at a terminal, with JLine's editing, history and completion. */
final class TerminalLineSource implements LineSource {
    private final LineReader reader;

    TerminalLineSource(LineReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt) + "\n";
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "<stdin>";
    }
}

package org.ringlet.cql.ast;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A type as written in CQL, before user types are resolved. */
public sealed interface RawType permits RawType.Named, RawType.Parameterized, RawType.Custom {

    /**
     * A native type ({@code int}, {@code text}) or a user type, possibly keyspace-qualified.
     *
     * @param name   the name (lower-cased unless quoted)
     * @param quoted whether it was written quoted (then it cannot be a native type)
     */
    record Named(QualifiedName name, boolean quoted) implements RawType {
        public Named {
            requireNonNull(name, "name is null");
        }

        @Override
        public String toString() {
            return name.toString();
        }
    }

    /**
     * A parameterized type: {@code frozen<..>}, {@code list<..>}, {@code set<..>}, {@code map<..,..>},
     * {@code tuple<..>}, {@code vector<.., n>}.
     *
     * @param name      the lower-cased constructor name
     * @param arguments the type arguments: {@link RawType}s, or an {@link Integer} for a vector's dimension
     */
    record Parameterized(String name, List<Object> arguments) implements RawType {
        public Parameterized {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(name).append('<');
            for (int i = 0; i < arguments.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(arguments.get(i));
            }
            return sb.append('>').toString();
        }
    }

    /** A custom type given by a class name string (never supported, kept to report it precisely). */
    record Custom(String className) implements RawType {
        public Custom {
            requireNonNull(className, "className is null");
        }

        @Override
        public String toString() {
            return "'" + className + "'";
        }
    }
}

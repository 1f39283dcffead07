package org.ringlet.tools.cqlsh;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.CDCWriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ProtocolError;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

/**
 * The text cqlsh prints for a failed request, as its Python driver words it: the error class name, then either
 * the server's message alone (syntax, configuration, server and protocol errors) or
 * {@code Error from server: code=XXXX [summary] message="…"} with the structured details Python prints after it.
 * The Java driver keeps the structured fields of unavailable, timeout and failure errors but not the server's text
 * of them; their text is rebuilt from the fields with Cassandra's wording.
 */
public final class ErrorMessages {
    private static final Pattern KEYSPACE_EXISTS = Pattern.compile("Keyspace (.*) already exists");
    private static final Pattern OBJECT_EXISTS = Pattern.compile("Object (.*)\\.(.*) already exists");

    private ErrorMessages() {
    }

    /** The line cqlsh prints for {@code error} (a driver exception, possibly wrapped). */
    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof SyntaxError) {
            return "SyntaxException: " + e.getMessage();
        }
        if (e instanceof InvalidConfigurationInQueryException) {
            return "ConfigurationException: " + e.getMessage();
        }
        if (e instanceof AlreadyExistsException) {
            return "AlreadyExists: " + alreadyExists(e.getMessage());
        }
        if (e instanceof InvalidQueryException) {
            return "InvalidRequest: " + summary(0x2200, "Invalid query", e.getMessage());
        }
        if (e instanceof UnauthorizedException) {
            return "Unauthorized: " + summary(0x2100, "Unauthorized", e.getMessage());
        }
        if (e instanceof ServerError) {
            return "ServerError: " + e.getMessage();
        }
        if (e instanceof ProtocolError) {
            return "ProtocolException: " + e.getMessage();
        }
        if (e instanceof OverloadedException) {
            return "OverloadedErrorMessage: " + e.getMessage();
        }
        if (e instanceof BootstrappingException) {
            return "IsBootstrappingErrorMessage: " + e.getMessage();
        }
        if (e instanceof TruncateException) {
            return "TruncateError: " + e.getMessage();
        }
        if (e instanceof UnavailableException u) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("consistency", name(u.getConsistencyLevel()));
            info.put("required_replicas", u.getRequired());
            info.put("alive_replicas", u.getAlive());
            return "Unavailable: " + summary(0x1000, "Unavailable exception",
                    "Cannot achieve consistency level " + name(u.getConsistencyLevel())) + " info=" + pyRepr(info);
        }
        if (e instanceof WriteTimeoutException w) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("consistency", name(w.getConsistencyLevel()));
            info.put("required_responses", w.getBlockFor());
            info.put("received_responses", w.getReceived());
            info.put("write_type", w.getWriteType().name());
            return "WriteTimeout: " + summary(0x1100, "Coordinator node timed out waiting for replica nodes' responses",
                    "Operation timed out - received only " + w.getReceived() + " responses.") + " info=" + pyRepr(info);
        }
        if (e instanceof ReadTimeoutException r) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("consistency", name(r.getConsistencyLevel()));
            info.put("required_responses", r.getBlockFor());
            info.put("received_responses", r.getReceived());
            return "ReadTimeout: " + summary(0x1200, "Coordinator node timed out waiting for replica nodes' responses",
                    "Operation timed out - received only " + r.getReceived() + " responses.") + " info=" + pyRepr(info);
        }
        if (e instanceof ReadFailureException r) {
            return "ReadFailure: " + summary(0x1300, "Replica(s) failed to execute read",
                    failureText(r.getReceived(), r.getNumFailures())) + " info="
                    + pyRepr(failureInfo(r.getConsistencyLevel(), r.getBlockFor(), r.getReceived(), r.getNumFailures(),
                    r.getReasonMap()));
        }
        if (e instanceof WriteFailureException w) {
            return "WriteFailure: " + summary(0x1500, "Replica(s) failed to execute write",
                    failureText(w.getReceived(), w.getNumFailures())) + " info="
                    + pyRepr(failureInfo(w.getConsistencyLevel(), w.getBlockFor(), w.getReceived(), w.getNumFailures(),
                    w.getReasonMap()));
        }
        if (e instanceof FunctionFailureException) {
            return "FunctionFailure: " + summary(0x1400, "User Defined Function failure", e.getMessage());
        }
        if (e instanceof CDCWriteFailureException) {
            return "CDCWriteException: " + e.getMessage();
        }
        if (e instanceof CASWriteUnknownException) {
            return "CASWriteUnknown: " + e.getMessage();
        }
        if (e instanceof DriverTimeoutException) {
            return "OperationTimedOut: errors={}, last_host=None (" + e.getMessage() + ")";
        }
        if (e instanceof AllNodesFailedException a) {
            return "NoHostAvailable: " + noHostAvailable(a);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * The text after {@code Connection error: } when cqlsh cannot connect.
     *
     * @param refused whether the server's port refused a plain TCP connection
     */
    public static String connectionError(Throwable error, String host, int port, boolean refused) {
        Throwable e = unwrap(error);
        if (refused) {
            return "('Unable to connect to any servers', {'" + host + ":" + port + "': " + refusedRepr(host, port)
                    + "})";
        }
        if (e instanceof AllNodesFailedException a) {
            return noHostAvailable(a);
        }
        return "('Unable to connect to any servers', {'" + host + ":" + port + "': " + e.getClass().getSimpleName()
                + "(" + pyString(String.valueOf(e.getMessage())) + ")})";
    }

    private static String noHostAvailable(AllNodesFailedException a) {
        StringBuilder sb = new StringBuilder("('Unable to connect to any servers', {");
        boolean first = true;
        for (Map.Entry<com.datastax.oss.driver.api.core.metadata.Node, List<Throwable>> entry
                : a.getAllErrors().entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            Object endpoint = entry.getKey().getEndPoint().resolve();
            String host = endpoint.toString();
            int port = 0;
            if (endpoint instanceof InetSocketAddress isa) {
                host = isa.getHostString();
                port = isa.getPort();
            }
            sb.append('\'').append(host).append(':').append(port).append("': ");
            Throwable cause = entry.getValue().isEmpty() ? null : entry.getValue().get(0);
            sb.append(causeRepr(cause, host, port));
        }
        return sb.append("})").toString();
    }

    private static String causeRepr(Throwable cause, String host, int port) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof ConnectException || (cause instanceof ConnectionInitException
                && String.valueOf(cause.getMessage()).contains("Connection refused"))) {
            return refusedRepr(host, port);
        }
        if (cause == null) {
            return "None";
        }
        String described = describe(cause);
        int colon = described.indexOf(": ");
        return described.substring(0, colon) + "(" + pyString(described.substring(colon + 2)) + ")";
    }

    private static String refusedRepr(String host, int port) {
        return "ConnectionRefusedError(111, \"Tried connecting to [('" + host + "', " + port
                + ")]. Last error: Connection refused\")";
    }

    private static String failureText(int received, int failures) {
        return "Operation failed - received " + received + " responses and " + failures + " failures";
    }

    private static Map<String, Object> failureInfo(ConsistencyLevel cl, int blockFor, int received, int failures,
                                                   Map<InetAddress, Integer> reasons) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("consistency", name(cl));
        info.put("required_responses", blockFor);
        info.put("received_responses", received);
        info.put("failures", failures);
        if (reasons != null && !reasons.isEmpty()) {
            Map<String, Object> codes = new LinkedHashMap<>();
            reasons.forEach((addr, code) -> codes.put(addr.getHostAddress(), String.format("0x%04x", code)));
            info.put("error_code_map", codes);
        }
        return info;
    }

    private static String alreadyExists(String message) {
        Matcher m = OBJECT_EXISTS.matcher(message);
        if (m.matches()) {
            return "Table '" + m.group(1) + "." + m.group(2) + "' already exists";
        }
        m = KEYSPACE_EXISTS.matcher(message);
        if (m.matches()) {
            return "Keyspace '" + m.group(1) + "' already exists";
        }
        return message;
    }

    private static String summary(int code, String summary, String message) {
        return String.format("Error from server: code=%04x [%s] message=\"%s\"", code, summary, message);
    }

    private static String name(ConsistencyLevel cl) {
        return cl == null ? "None" : cl.name();
    }

    /** Python's {@code repr} of a dict of strings, numbers and nested dicts. */
    static String pyRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return pyString(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(pyRepr(e.getKey())).append(": ").append(pyRepr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    /** Python's {@code repr} of a string: single quotes unless the text has one and no double quote. */
    static String pyString(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == q) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}

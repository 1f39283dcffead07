package org.ringlet.tools.cqlsh;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The texts of {@code HELP}: the shell's own commands and the CQL topics (which point to the CQL reference). */
final class HelpTopics {
    static final String CQL_REFERENCE = "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/";

    static final List<String> CQL_TOPICS = List.of("AGGREGATES", "ALTER_KEYSPACE", "ALTER_MATERIALIZED_VIEW",
            "ALTER_TABLE", "ALTER_TYPE", "ALTER_USER", "APPLY", "ASCII", "BATCH", "BEGIN", "BLOB", "BOOLEAN",
            "COUNTER", "CREATE_AGGREGATE", "CREATE_COLUMNFAMILY", "CREATE_FUNCTION", "CREATE_INDEX",
            "CREATE_KEYSPACE", "CREATE_MATERIALIZED_VIEW", "CREATE_ROLE", "CREATE_TABLE", "CREATE_TRIGGER",
            "CREATE_TYPE", "CREATE_USER", "DATE", "DELETE", "DROP_AGGREGATE", "DROP_COLUMNFAMILY", "DROP_FUNCTION",
            "DROP_INDEX", "DROP_KEYSPACE", "DROP_MATERIALIZED_VIEW", "DROP_ROLE", "DROP_TABLE", "DROP_TRIGGER",
            "DROP_TYPE", "DROP_USER", "FUNCTIONS", "GRANT", "INSERT", "INSERT_JSON", "INT", "JSON", "KEYWORDS",
            "LIST_PERMISSIONS", "LIST_ROLES", "LIST_USERS", "PERMISSIONS", "REVOKE", "SELECT", "SELECT_JSON", "TEXT",
            "TIME", "TIMESTAMP", "TRUNCATE", "TYPES", "UPDATE", "USE", "UUID");

    static final Map<String, String> SHELL = Collections.unmodifiableMap(shellTopics());

    private static Map<String, String> shellTopics() {
        Map<String, String> topics = new TreeMap<>();
        topics.put("capture", """

                CAPTURE [cqlsh only]

                  Appends the output of queries to a file instead of showing it.

                  CAPTURE '<file>';   start capturing to the file (~ is the home directory)
                  CAPTURE OFF;        show query output again
                  CAPTURE;            tell whether output is being captured

                  Errors and the output of shell commands are still shown.
                """);
        topics.put("clear", """

                CLEAR/CLS [cqlsh only]

                  Clears the terminal.
                """);
        topics.put("cls", topics.get("clear"));
        topics.put("consistency", """

                CONSISTENCY [cqlsh only]

                  Sets the consistency level of the following requests (ONE to start with).

                  CONSISTENCY <level>

                  Levels: ANY, ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM, SERIAL and
                  LOCAL_SERIAL. SERIAL and LOCAL_SERIAL apply to reads only.

                  CONSISTENCY

                  Without a level, shows the current one.
                """);
        topics.put("describe", """

                DESCRIBE [cqlsh only]

                  (DESC is a shorthand.) Describes the schema; the server answers, and cqlsh lays out the answer.

                  DESCRIBE KEYSPACES                  the keyspace names
                  DESCRIBE KEYSPACE [<keyspace>]      the CQL that recreates a keyspace and everything in it
                  DESCRIBE TABLES                     the table names (of the current keyspace, or all)
                  DESCRIBE TABLE [<keyspace>.]<table> the CQL that recreates a table
                  DESCRIBE INDEX <index>              the CQL that recreates an index
                  DESCRIBE MATERIALIZED VIEW <view>   the CQL that recreates a materialized view
                  DESCRIBE TYPES | TYPE <type>        user-defined types
                  DESCRIBE FUNCTIONS | FUNCTION <f>   user-defined functions
                  DESCRIBE AGGREGATES | AGGREGATE <a> user-defined aggregates
                  DESCRIBE [FULL] SCHEMA              the CQL of every (with FULL, also system) keyspace
                  DESCRIBE CLUSTER                    cluster name, partitioner and snitch
                  DESCRIBE <name>                     a keyspace, table, index or view of that name
                """);
        topics.put("desc", topics.get("describe"));
        topics.put("exit", """

                EXIT/QUIT [cqlsh only]

                  Leaves cqlsh.
                """);
        topics.put("expand", """

                EXPAND [cqlsh]

                  Shows each row vertically, one column per line.

                  EXPAND ON     vertical output
                  EXPAND OFF    tables again
                  EXPAND        tell which is on
                """);
        topics.put("help", """

                HELP [cqlsh only]

                  Lists the help topics, or shows help on one: HELP <topic>.
                """);
        topics.put("history", """

                HISTORY [cqlsh only]

                  Shows the most recent statements entered.

                  HISTORY <n>   show the last n from now on
                """);
        topics.put("paging", """

                PAGING [cqlsh]

                  Fetches query results a page at a time (100 rows to start with).

                  PAGING ON     page results
                  PAGING OFF    fetch every row at once
                  PAGING <n>    page results, n rows per page
                  PAGING        tell whether paging is on
                """);
        topics.put("serial", """

                SERIAL CONSISTENCY [cqlsh only]

                  Sets the serial consistency level of conditional updates (SERIAL to start with).

                  SERIAL CONSISTENCY <level>   SERIAL or LOCAL_SERIAL
                  SERIAL CONSISTENCY           show the current level
                """);
        topics.put("show", """

                SHOW [cqlsh only]

                  SHOW VERSION   the versions of cqlsh, the server, CQL and the native protocol
                  SHOW HOST      where cqlsh is connected
                """);
        topics.put("source", """

                SOURCE [cqlsh only]

                  Runs the statements of a file, showing each output and error; an error does not stop the file.

                  SOURCE '<file>';

                  The path is relative to the current directory; ~ is the home directory. See also cqlsh -f.
                """);
        topics.put("tracing", """

                TRACING [cqlsh]

                  Traces requests and prints each trace after the result.

                  TRACING ON    trace every following request
                  TRACING OFF   stop tracing
                  TRACING       tell whether tracing is on
                """);
        return topics;
    }

    private HelpTopics() {
    }
}

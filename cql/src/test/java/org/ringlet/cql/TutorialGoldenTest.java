package org.ringlet.cql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.DriverFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tutorial's statements (as the peer's {@code seed_check.py} sends them) through the query handler give
 * exactly the output real Cassandra 5.0.6 gave: the same rows in the same order, the same column names and types,
 * the same errors.
 */
class TutorialGoldenTest {
    /** The statements of seed_check.py, in its order. */
    static final List<String> STATEMENTS = List.of(
            "DROP KEYSPACE IF EXISTS cityinfo",
            "CREATE KEYSPACE cityinfo WITH replication = {'class':'SimpleStrategy','replication_factor':1}",
            "USE cityinfo",
            "CREATE TABLE cityinfo.cities (id int PRIMARY KEY, name text, country text)",
            "CREATE TABLE cityinfo.users (username text PRIMARY KEY, name text, age int)",
            "CREATE TABLE cityinfo.users_by_cities (username text, name text, city text, age int, "
                    + "PRIMARY KEY(city, age))",
            "INSERT INTO cities(id,name,country) VALUES (1,'Karachi','Pakistan')",
            "INSERT INTO cities(id,name,country) VALUES (2,'Lahore','Pakistan')",
            "INSERT INTO cities(id,name,country) VALUES (3,'Dubai','UAE')",
            "INSERT INTO cities(id,name,country) VALUES (4,'Berlin','Germany')",
            "INSERT INTO users(username,name,age) VALUES ('aali24','Ali Amin',34)",
            "INSERT INTO users(username,name,age) VALUES ('jack01','Jack David',23)",
            "INSERT INTO users(username,name,age) VALUES ('ninopk','Nina Rehman',34)",
            "INSERT INTO users(username,name,age) VALUES ('raziz12','Rashid Aziz',34)",
            "INSERT INTO users_by_cities(username,name,city,age) VALUES ('aali24','Ali Amin','Karachi',34)",
            "INSERT INTO users_by_cities(username,name,city,age) VALUES ('jack01','Jack David','Berlin',23)",
            "INSERT INTO users_by_cities(username,name,city,age) VALUES ('ninopk','Nina Rehman','Lahore',34)",
            "INSERT INTO users_by_cities(username,name,city,age) VALUES ('raziz12','Rashid Aziz','Karachi',30)",
            "select * from cities",
            "select token(username) from users",
            "select token(username),username,city from users_by_cities",
            "select * from users_by_cities where city = 'Karachi'",
            "select * from users_by_cities where city='Karachi' and age=34",
            "SELECT * from users_by_cities where name = 'Ali Amin'",
            "SELECT * from users_by_cities where name = 'Ali Amin' ALLOW FILTERING");

    @Test
    void outputEqualsCassandras() throws IOException {
        CqlTestNode node = CqlTestNode.start();
        try {
            assertEquals(golden(), run(node));
        } finally {
            node.close();
        }
    }

    @Test
    void outputEqualsCassandrasOnTheLsmEngine(@TempDir Path directory) throws IOException {
        CqlTestNode node = CqlTestNode.startLsm(directory);
        try {
            assertEquals(golden(), run(node));
        } finally {
            node.close();
        }
    }

    private static String run(CqlTestNode node) {
        // what the Python driver sends for a SimpleStatement: LOCAL_ONE, pages of 5000 rows
        QueryOptions options = CqlTestNode.options(ConsistencyLevel.LOCAL_ONE).withPaging(5000, null);
        List<String> out = new ArrayList<>();
        for (String statement : STATEMENTS) {
            out.add(">>> " + statement);
            try {
                out.addAll(DriverFormat.response(node.execute(statement, options)));
            } catch (RingletException e) {
                out.add(DriverFormat.error(e));
            }
        }
        // the tutorial's own program: a new connection with keyspace cityinfo, then USE and SELECT * FROM users
        out.add(">>> tutorial python: Cluster([HOST], port=PORT); connect('cityinfo', wait_for_all_pools=True); "
                + "USE cityinfo; SELECT * FROM users");
        CqlTestNode.Session tutorial = node.newSession();
        tutorial.execute("USE \"cityinfo\"", options);
        tutorial.execute("USE cityinfo", options);
        Result.Rows rows = (Result.Rows) tutorial.execute("SELECT * FROM users", options).result();
        for (List<Object> row : CqlTestNode.values(rows)) {
            // print(row.age, row.name, row.username) with columns username, age, name
            out.add(row.get(1) + " " + row.get(2) + " " + row.get(0));
        }
        return String.join("\n", out) + "\n";
    }

    private static String golden() throws IOException {
        try (InputStream in = TutorialGoldenTest.class.getResourceAsStream("/golden/seed_check.cassandra-5.0.6.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

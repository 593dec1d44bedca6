package org.carebridge.it;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by the build around the in-container tests. {@code create} (before them) drops and recreates
 * this build's PostgreSQL schema, so every run starts from an empty database and Flyway's full
 * migration; {@code drop} (after them) removes it. The schema name carries the build's reserved
 * port, so builds running at once on one machine each have their own.
 */
public final class PrepareItDatabase {

    private PrepareItDatabase() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String schema = args[2];
        String action = args.length > 3 ? args[3] : "create";
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe schema name " + schema);
        }
        if (!action.equals("create") && !action.equals("drop")) {
            throw new IllegalArgumentException("Unknown action " + action + " (create or drop)");
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        // The driver directly, not DriverManager: Maven runs this twice in one JVM, each time in a
        // class loader of its own, and DriverManager only finds the driver of the first.
        try (Connection c = new org.postgresql.Driver().connect(url, props); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            if (action.equals("create")) {
                s.execute("create schema " + schema);
            }
        }
        System.out.println((action.equals("create") ? "Recreated" : "Dropped") + " PostgreSQL schema "
                + schema + " for the in-container tests");
    }
}

package org.carebridge.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by the build before the in-container tests: drops and recreates the PostgreSQL schema
 * they use, so every run starts from an empty database and Flyway's full migration.
 */
public final class PrepareItDatabase {

    private PrepareItDatabase() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String schema = args[2];
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe schema name " + schema);
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        }
        System.out.println("Recreated PostgreSQL schema " + schema + " for the in-container tests");
    }
}

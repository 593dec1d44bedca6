package org.carebridge.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A fresh, migrated database for plain JUnit tests: an in-memory H2, or a new schema in the
 * loopback PostgreSQL (dropped on {@link #close()}). Both go through {@link SchemaMigrator} and
 * the application's own persistence unit, switched to resource-local transactions.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private EntityManagerFactory emf;

    private TestDatabase(Kind kind, String url, String user, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind) {
        String unique = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabase db;
        if (kind == Kind.H2) {
            db = new TestDatabase(kind, "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1", "sa", "", null);
        } else {
            String base = System.getProperty("test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String pgUser = System.getProperty("test.pg.user", "postgres");
            db = new TestDatabase(kind, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + unique,
                    pgUser, "", unique);
            db.execute("create schema " + unique);
        }
        SchemaMigrator.migrate(db.dataSource());
        return db;
    }

    public UrlDataSource dataSource() {
        UrlDataSource ds = new UrlDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    public Kind kind() {
        return kind;
    }

    public synchronized EntityManagerFactory entityManagerFactory() {
        if (emf == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
            props.put(PersistenceUnitProperties.JTA_DATASOURCE, "");
            props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource());
            emf = Persistence.createEntityManagerFactory("carebridge", props);
        }
        return emf;
    }

    /** Runs {@code work} in one resource-local transaction and returns its result. */
    public <T> T transaction(java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
        jakarta.persistence.EntityManager em = entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void run(java.util.function.Consumer<jakarta.persistence.EntityManager> work) {
        transaction(em -> {
            work.accept(em);
            return null;
        });
    }

    public void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (emf != null) {
            emf.close();
        }
        if (kind == Kind.H2) {
            execute("shutdown");
        } else {
            try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}

package org.carebridge.platform.persistence;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else touches it. Every other start-up
 * bean declares {@code @DependsOn("SchemaMigrator")}. Flyway holds a database lock while it
 * migrates, so several nodes starting together migrate once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = UrlDataSource.JNDI_NAME)
    DataSource dataSource;

    // Not named migrate: Payara finds a lifecycle callback by name, and with the static
    // migrate(DataSource) beside it, it now and then called that one ("wrong number of
    // arguments"), so the application failed to deploy in about one start in twenty.
    @PostConstruct
    void migrateOnStart() {
        MigrateResult result = migrate(dataSource);
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The single Flyway configuration, shared with the tests that check migrations. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }
}

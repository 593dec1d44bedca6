package org.carebridge.platform.payara;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

import org.carebridge.platform.persistence.UrlDataSource;

/**
 * The one place that relies on Payara's {@code ${MPCONFIG=...}} expressions inside a
 * standard annotation: the application's datasource, configured from MicroProfile Config
 * (environment variables {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD} in production).
 *
 * <p>Other servers (WildFly, plain Payara Server with a pool of its own) define a datasource
 * with the same JNDI name instead; see docs/operations.md.
 *
 * <p>Defaults sit inline because Payara creates the datasource before it reads the
 * application's {@code microprofile-config.properties}. Only system properties and environment
 * variables can override them.
 *
 * <p>{@link UrlDataSource} lets one definition serve PostgreSQL and H2: the JDBC URL picks the
 * driver. Payara pools the connections it hands out.
 */
@Singleton
@DataSourceDefinition(
        name = UrlDataSource.JNDI_NAME,
        className = "org.carebridge.platform.persistence.UrlDataSource",
        url = "${MPCONFIG=db.url:jdbc:h2:file:./data/h2/carebridge}",
        user = "${MPCONFIG=db.user:carebridge}",
        password = "${MPCONFIG=db.password:carebridge}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"})
public class PayaraResources {
}

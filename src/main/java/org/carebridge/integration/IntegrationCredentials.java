package org.carebridge.integration;

/**
 * What the administrator copies into the connector's settings, shown once after Enable or
 * Regenerate. The shared key is never stored in clear nor written to a log, so {@link #toString}
 * leaves it out.
 */
public record IntegrationCredentials(String integrationUserId, String sharedKey) {

    @Override
    public String toString() {
        return "IntegrationCredentials[integrationUserId=" + integrationUserId + ", sharedKey=(hidden)]";
    }
}

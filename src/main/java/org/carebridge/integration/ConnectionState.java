package org.carebridge.integration;

/** The connector's status as the Integrations page shows it. */
public enum ConnectionState {
    CONNECTED("Connected"),
    NOT_CONNECTED("Not Connected");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

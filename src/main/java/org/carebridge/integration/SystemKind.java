package org.carebridge.integration;

/** What the organization runs on premises: a voice server alone, or one with a messaging platform. */
public enum SystemKind {
    VOICE_ONLY("Voice server"),
    VOICE_AND_MESSAGING("Voice server with messaging platform");

    private final String label;

    SystemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

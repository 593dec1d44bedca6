package org.carebridge.user;

/**
 * Whether a user may sign in to the clients ("Can Login"). LOCKED is set by the client login
 * after too many consecutive PIN failures and stays until an administrator unlocks it.
 */
public enum LoginState {
    ENABLED("Login Enabled"),
    DISABLED("Login Disabled"),
    LOCKED("Invalid login hard limit reached");

    private final String label;

    LoginState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

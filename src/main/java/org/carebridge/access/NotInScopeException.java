package org.carebridge.access;

/**
 * Thrown when a request names something outside the caller's organizations. Pages and APIs
 * answer it as "not found", so ids of other tenants reveal nothing.
 */
public class NotInScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotInScopeException(String message) {
        super(message);
    }
}

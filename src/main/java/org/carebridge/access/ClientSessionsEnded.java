package org.carebridge.access;

/**
 * Client sessions just ended (fired inside the transaction that ended them): all of a user's,
 * all of a device's, or one. Exactly one id is set. Open event sockets of those sessions are
 * closed once the transaction has committed.
 */
public record ClientSessionsEnded(Long userId, Long deviceId, Long sessionId) {

    public static ClientSessionsEnded ofUser(Long userId) {
        return new ClientSessionsEnded(userId, null, null);
    }

    public static ClientSessionsEnded ofDevice(Long deviceId) {
        return new ClientSessionsEnded(null, deviceId, null);
    }

    public static ClientSessionsEnded ofSession(Long sessionId) {
        return new ClientSessionsEnded(null, null, sessionId);
    }

    /** Whether a socket of {@code session} on {@code device} of {@code user} belongs to what ended. */
    public boolean covers(Long user, Long device, Long session) {
        return (userId != null && userId.equals(user)) || (deviceId != null && deviceId.equals(device))
                || (sessionId != null && sessionId.equals(session));
    }
}

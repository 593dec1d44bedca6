package org.carebridge.integration;

/**
 * Why the server closes a sync connection: a WebSocket close code and a reason the connector's
 * log can show. Reasons never contain keys, answers or contact data; they fit the 123 bytes a
 * close frame allows.
 */
public final class SyncRefusal extends RuntimeException {

    /** RFC 6455 close codes used by the sync protocol. */
    public static final int NORMAL = 1000;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int TOO_BIG = 1009;

    private static final long serialVersionUID = 1L;
    private static final int REASON_MAX_CHARS = 120;

    private final int code;

    public SyncRefusal(int code, String reason) {
        super(reason.length() > REASON_MAX_CHARS ? reason.substring(0, REASON_MAX_CHARS) : reason);
        this.code = code;
    }

    public static SyncRefusal malformed(String reason) {
        return new SyncRefusal(UNSUPPORTED_DATA, reason);
    }

    public static SyncRefusal outOfOrder(String reason) {
        return new SyncRefusal(PROTOCOL_ERROR, reason);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}

package org.carebridge.messaging.outsider;

/** Whether the notice of a message to a non-user went out. */
public enum NoticeState {
    /** Waiting for its (next) attempt. */
    QUEUED,
    /** The mail is in the outbox, or the SMS service took the text. */
    SENT,
    /** Given up: refused, too many failed attempts, or no longer allowed. */
    FAILED
}

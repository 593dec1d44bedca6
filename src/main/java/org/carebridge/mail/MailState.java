package org.carebridge.mail;

/** Where an outgoing mail stands. */
public enum MailState {
    /** Waiting to be handed to the mail server (first try or a retry). */
    QUEUED,
    /** The mail server accepted it. */
    SENT,
    /** Rejected for good (bad address) or out of retries. */
    FAILED
}

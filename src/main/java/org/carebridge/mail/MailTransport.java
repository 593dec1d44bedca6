package org.carebridge.mail;

/** Hands a mail to whatever delivers it: an SMTP server, or a local folder for development. */
public interface MailTransport {

    void send(MailMessage message) throws MailDeliveryException;

    /** Why a mail could not be handed over, and whether trying again may help. */
    final class MailDeliveryException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public MailDeliveryException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean isPermanent() {
            return permanent;
        }
    }
}

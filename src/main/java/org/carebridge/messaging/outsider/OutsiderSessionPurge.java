package org.carebridge.messaging.outsider;

import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Daily, deletes the non-user page sessions that ended long ago ({@link OutsiderAccess#forgetEndedSessions}). */
@Singleton
public class OutsiderSessionPurge {

    private static final Logger LOG = Logger.getLogger(OutsiderSessionPurge.class.getName());

    @Inject
    OutsiderAccess access;

    @Schedule(hour = "3", minute = "29", persistent = false, info = "outsider-session-purge")
    void forgetEnded() {
        int removed = access.forgetEndedSessions();
        LOG.info(() -> "Deleted " + removed + " ended non-user page sessions");
    }
}

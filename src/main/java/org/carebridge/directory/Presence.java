package org.carebridge.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.events.PresenceChanged;
import org.carebridge.user.PresenceStatus;
import org.carebridge.user.User;

/**
 * A user's presence (Available, Busy, Unavailable, None). Setting it stamps the user on the
 * {@link DirectoryClock}, so incremental directory syncs carry it, and fires
 * {@link PresenceChanged}, which the client event socket delivers after commit to connected users
 * who may reach this one.
 */
@ApplicationScoped
public class Presence {

    @PersistenceContext
    EntityManager em;

    @Inject
    DirectoryClock directoryClock;

    @Inject
    Event<PresenceChanged> changes;

    /** Sets {@code caller}'s status; setting the status it already has changes and sends nothing. */
    @Transactional
    public PresenceStatus set(User caller, PresenceStatus status) {
        User me = em.find(User.class, caller.getId());
        if (me.getStatus() == status) {
            return status;
        }
        me.changeStatus(status);
        directoryClock.changed(me);
        changes.fire(new PresenceChanged(me.getId(), status.label()));
        return status;
    }

    /** The status named by its label ("Busy") or constant ("BUSY"), case-insensitive. */
    public static Optional<PresenceStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(PresenceStatus.values())
                .filter(s -> s.name().equals(wanted) || s.label().toUpperCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}

package org.carebridge.messaging.outsider;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.messaging.Conversation;
import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.Recipients;
import org.carebridge.organization.Organization;
import org.carebridge.platform.persistence.ClusterLocks;
import org.carebridge.user.User;

/**
 * The one place that decides whether a user may write to people without an account: only when the
 * user's own organization allows messages to non-users ("Allow messages to non-users via email
 * and SMS"), to well-formed e-mail addresses and mobile numbers, at most
 * {@value #MAX_PER_CONVERSATION} of them. The setting is read on every send, so turning it off
 * stops new conversations with non-users and messages into existing ones at once.
 */
@ApplicationScoped
public class OutsiderRecipients {

    /** Non-users one conversation may have. */
    public static final int MAX_PER_CONVERSATION = 10;

    /** Taken before recording an address not known yet (see {@link #resolve}). */
    static final String RECORDS_LOCK = "outsider-records";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterLocks locks;

    /**
     * The non-users {@code recipients} names, as the sender's organization knows them (recorded
     * now when new), each once; empty when none are named. Nothing is recorded when any is refused.
     */
    public List<Outsider> resolve(User sender, Recipients recipients) {
        if (recipients == null || !recipients.namesNonUsers()) {
            return List.of();
        }
        Organization organization = sender.getOrganization();
        List<Outsider> outsiders = new ArrayList<>();
        boolean locked = false;
        for (OutsiderAddress address : addresses(organization, recipients)) {
            Optional<Outsider> known = known(organization, address);
            if (known.isEmpty() && !locked) {
                // Two first messages to the same new address at once would both insert it and one
                // would fail on the unique key: the second waits here for the first to commit,
                // then finds its record. Held to the end of the send; only new addresses take it.
                locks.lock(RECORDS_LOCK);
                locked = true;
                known = known(organization, address);
            }
            outsiders.add(known.orElseGet(() -> {
                Outsider created = new Outsider(organization, address, clock.instant());
                em.persist(created);
                return created;
            }));
        }
        return outsiders;
    }

    private Optional<Outsider> known(Organization organization, OutsiderAddress address) {
        return em.createNamedQuery(Outsider.BY_ADDRESS, Outsider.class)
                .setParameter("organizationId", organization.getId())
                .setParameter("channel", address.channel())
                .setParameter("address", address.address())
                .getResultList().stream().findFirst();
    }

    /** The named addresses, normalized and each once, once the organization's setting and every address pass. */
    static List<OutsiderAddress> addresses(Organization organization, Recipients recipients) {
        checkAllowed(organization);
        Set<OutsiderAddress> valid = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String email : recipients.emails()) {
            try {
                valid.add(OutsiderAddress.email(email));
            } catch (IllegalArgumentException e) {
                invalid.add(email.strip());
            }
        }
        for (String number : recipients.mobileNumbers()) {
            try {
                valid.add(OutsiderAddress.mobile(number));
            } catch (IllegalArgumentException e) {
                invalid.add(number.strip());
            }
        }
        if (!invalid.isEmpty()) {
            throw MessagingRefusedException.invalidAddresses((invalid.size() == 1 ? "This is" : "These are")
                    + " not an e-mail address or a mobile number: " + String.join(", ", invalid)
                    + ". Write e-mail addresses as name@example.org, and mobile numbers as (408) 555-0100 or,"
                    + " outside North America, with + and the country code.", invalid);
        }
        if (valid.size() > MAX_PER_CONVERSATION) {
            throw new MessagingRefusedException(Reason.TOO_MANY_NON_USERS, "Write to at most " + MAX_PER_CONVERSATION
                    + " people without a Carebridge account in one conversation, not " + valid.size() + ".");
        }
        return List.copyOf(valid);
    }

    /**
     * Whether {@code sender} may write into {@code conversation}: when non-users take part, only
     * while the sender's organization allows messages to non-users (each of them would be told).
     */
    public void checkMayWrite(User sender, Conversation conversation) {
        if (conversation.hasOutsiders() && !sender.getOrganization().isNonUserMessaging()) {
            throw new MessagingRefusedException(Reason.NON_USERS_NOT_ALLOWED, "This conversation includes people"
                    + " without a Carebridge account, and your organization does not allow messages to them now."
                    + " Start a new conversation with its users instead.");
        }
    }

    private static void checkAllowed(Organization organization) {
        if (!organization.isNonUserMessaging()) {
            throw new MessagingRefusedException(Reason.NON_USERS_NOT_ALLOWED, "Your organization does not allow"
                    + " messages to people without a Carebridge account (by e-mail or text message).");
        }
    }
}

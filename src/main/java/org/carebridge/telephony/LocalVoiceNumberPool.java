package org.carebridge.telephony;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.organization.PhoneNumber;

/**
 * The embedded voice-number provider: numbers NXX-555-0100 to NXX-555-0199 of the requested
 * area code, the range reserved for fiction, so no real subscriber is ever shown. A number is
 * free when no organization holds it; the unique constraint on voice numbers settles races.
 */
@ApplicationScoped
public class LocalVoiceNumberPool implements VoiceNumberProvider {

    static final int FIRST = 100;
    static final int LAST = 199;

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<PhoneNumber> allocate(String areaCode, long organizationId) {
        List<String> taken = em.createQuery("select o.voiceNumber from Organization o where o.voiceNumber like :prefix",
                String.class).setParameter("prefix", areaCode + "5550%").getResultList();
        return firstFree(areaCode, new HashSet<>(taken));
    }

    static Optional<PhoneNumber> firstFree(String areaCode, Set<String> takenDigits) {
        for (int line = FIRST; line <= LAST; line++) {
            String digits = areaCode + "5550" + line;
            if (!takenDigits.contains(digits)) {
                return Optional.of(new PhoneNumber(digits));
            }
        }
        return Optional.empty();
    }
}

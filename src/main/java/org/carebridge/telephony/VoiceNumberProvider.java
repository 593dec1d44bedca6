package org.carebridge.telephony;

import java.util.Optional;

import org.carebridge.organization.PhoneNumber;

/**
 * Rents the telephone number that masks users' calls for an organization. The embedded default
 * ({@link LocalVoiceNumberPool}) hands out numbers from a fictional local range; a carrier's
 * HTTP implementation replaces it in production.
 */
public interface VoiceNumberProvider {

    /**
     * A new number in the given area code for the organization, or empty when the provider has
     * none to offer there (the organization is then saved without one and can try again).
     */
    Optional<PhoneNumber> allocate(String areaCode, long organizationId);
}

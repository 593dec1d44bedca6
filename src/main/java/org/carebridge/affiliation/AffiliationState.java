package org.carebridge.affiliation;

/** An affiliation is active until either side deletes it; then a new invitation is needed. */
public enum AffiliationState {
    ACTIVE,
    ENDED
}

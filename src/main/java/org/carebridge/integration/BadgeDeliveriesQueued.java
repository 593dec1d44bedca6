package org.carebridge.integration;

import java.io.Serializable;
import java.util.Set;

/**
 * Badge copies were queued for these organizations' connectors while no socket of theirs was
 * open on the queuing node: relayed to the other nodes of a cluster, so the node holding the
 * socket sends them at once (and not only at its next 5-second round).
 */
public record BadgeDeliveriesQueued(Set<Long> organizationIds) implements Serializable {

    public BadgeDeliveriesQueued {
        organizationIds = Set.copyOf(organizationIds);
    }
}

package org.carebridge.events;

import java.io.Serializable;
import java.util.Set;

/**
 * Events were added to these users' logs. Fired inside the adding transaction; after commit each
 * node's sockets of these users read what is new from the log (relayed to the other nodes by
 * {@link ClusterRelay}, so it is {@link Serializable}).
 */
public record EventsAppended(Set<Long> userIds) implements Serializable {

    public EventsAppended {
        userIds = Set.copyOf(userIds);
    }
}

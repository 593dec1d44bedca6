package org.carebridge.events;

import java.io.Serializable;

/**
 * A user's presence changed. Fired inside the change's transaction; delivered to connected
 * clients after commit, on this node directly and on the others through Payara's clustered CDI
 * events (so it is {@link Serializable}).
 */
public record PresenceChanged(long userId, String status) implements Serializable {
}

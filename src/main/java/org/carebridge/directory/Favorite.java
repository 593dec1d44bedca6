package org.carebridge.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A contact a user marked as favorite: listed first in that user's directory. Kept by ids only;
 * whether the contact is still reachable is asked on every read, never stored here.
 */
@Entity
@Table(name = "directory_favorite")
@NamedQuery(name = Favorite.IDS_OF, query = "select f.contactId from Favorite f where f.ownerId = :owner")
@NamedQuery(name = Favorite.ONE, query = "select f from Favorite f where f.ownerId = :owner and f.contactId = :contact")
@NamedQuery(name = Favorite.DELETE_OF_CONTACT, query = "delete from Favorite f where f.contactId = :contact")
public class Favorite {

    static final String IDS_OF = "Favorite.idsOf";
    static final String ONE = "Favorite.one";
    /** Drops a contact from everyone's favorites (a synced user the on-premises system removed). */
    public static final String DELETE_OF_CONTACT = "Favorite.deleteOfContact";
    /** Enough for anyone's speed dial; keeps "favorites first" one small IN list. */
    public static final int MAX_PER_USER = 200;

    @Id
    @SequenceGenerator(name = "directory_favorite_seq", sequenceName = "directory_favorite_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_favorite_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private long contactId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Favorite() {
    }

    Favorite(long ownerId, long contactId, Instant now) {
        if (ownerId == contactId) {
            throw new IllegalArgumentException("A user cannot be their own favorite");
        }
        this.ownerId = ownerId;
        this.contactId = contactId;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getOwnerId() { return ownerId; }
    public long getContactId() { return contactId; }
    public Instant getCreatedAt() { return createdAt; }
}

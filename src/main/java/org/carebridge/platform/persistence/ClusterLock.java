package org.carebridge.platform.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named row locked with {@code SELECT ... FOR UPDATE} so a job (demo seeding, the nightly
 * purge, a sync run) runs on one node at a time. The lock lasts as long as the transaction.
 */
@Entity
@Table(name = "cluster_lock")
public class ClusterLock {

    @Id
    private String name;

    private String holder;

    @Column(name = "acquired_at")
    private Instant acquiredAt;

    protected ClusterLock() {
    }

    public ClusterLock(String name) {
        this.name = name;
    }

    public void heldBy(String newHolder, Instant now) {
        this.holder = newHolder;
        this.acquiredAt = now;
    }

    public String getName() { return name; }
    public String getHolder() { return holder; }
    public Instant getAcquiredAt() { return acquiredAt; }
}

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
 * What a client was told its directory holds when it received a sync token (see
 * {@link SnapshotContents}). Identical contents are stored once per user.
 */
@Entity
@Table(name = "directory_snapshot")
@NamedQuery(name = DirectorySnapshot.NEWEST_OF, query = "select s from DirectorySnapshot s where s.userId = :user"
        + " order by s.id desc")
@NamedQuery(name = DirectorySnapshot.IDS_OF, query = "select s.id from DirectorySnapshot s where s.userId = :user"
        + " order by s.id desc")
public class DirectorySnapshot {

    static final String NEWEST_OF = "DirectorySnapshot.newestOf";
    static final String IDS_OF = "DirectorySnapshot.idsOf";

    @Id
    @SequenceGenerator(name = "directory_snapshot_seq", sequenceName = "directory_snapshot_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_snapshot_seq")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, updatable = false)
    private String fingerprint;

    @Column(nullable = false, updatable = false)
    private byte[] contents;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DirectorySnapshot() {
    }

    DirectorySnapshot(long userId, SnapshotContents contents, Instant now) {
        this.userId = userId;
        this.contents = contents.encode();
        this.fingerprint = SnapshotContents.fingerprint(this.contents);
        this.createdAt = now;
    }

    SnapshotContents contents() {
        return SnapshotContents.decode(contents);
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public String getFingerprint() { return fingerprint; }
    public Instant getCreatedAt() { return createdAt; }
}

package org.carebridge.user;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's profile picture, kept apart from the user row so lists never load image bytes. */
@Entity
@Table(name = "user_profile_image")
public class UserProfileImage {

    public static final Set<String> CONTENT_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    public static final int MAX_BYTES = 1_048_576;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "image_data", nullable = false)
    private byte[] data;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserProfileImage() {
    }

    public UserProfileImage(Long userId, String contentType, byte[] data, Instant now) {
        this.userId = userId;
        replace(contentType, data, now);
    }

    public void replace(String newContentType, byte[] newData, Instant now) {
        if (!CONTENT_TYPES.contains(newContentType)) {
            throw new IllegalArgumentException("Use a PNG, JPEG, GIF or WebP image.");
        }
        if (newData == null || newData.length == 0 || newData.length > MAX_BYTES) {
            throw new IllegalArgumentException("The image must be at most 1 MB.");
        }
        this.contentType = newContentType;
        this.data = newData.clone();
        this.updatedAt = now;
    }

    public Long getUserId() { return userId; }
    public String getContentType() { return contentType; }
    public byte[] getData() { return data.clone(); }
    public Instant getUpdatedAt() { return updatedAt; }
}

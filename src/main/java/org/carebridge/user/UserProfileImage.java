package org.carebridge.user;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's profile picture, kept apart from the user row so lists never load image bytes. The
 * type is decided by the file's first bytes, never by the name or the type a browser claims:
 * only PNG, JPEG and GIF are taken, up to {@link #MAX_BYTES}.
 */
@Entity
@Table(name = "user_profile_image")
public class UserProfileImage {

    public static final int MAX_BYTES = 1_048_576;
    public static final String TOO_LARGE = "The image is larger than 1 MB. Choose a smaller picture.";
    public static final String NOT_AN_IMAGE = "Only PNG, JPEG or GIF pictures can be used.";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};

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

    public UserProfileImage(Long userId, byte[] data, Instant now) {
        this.userId = userId;
        replace(data, now);
    }

    /** Takes a new picture, or refuses it with a message for the person uploading it. */
    public void replace(byte[] newData, Instant now) {
        String problem = problem(newData);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.contentType = detectContentType(newData);
        this.data = newData.clone();
        this.updatedAt = now;
    }

    /** What is wrong with an uploaded file as a profile picture, or {@code null} when it will do. */
    public static String problem(byte[] data) {
        if (data == null || data.length == 0) {
            return "The file is empty. Choose a PNG, JPEG or GIF picture.";
        }
        if (data.length > MAX_BYTES) {
            return TOO_LARGE;
        }
        return detectContentType(data) == null ? NOT_AN_IMAGE : null;
    }

    /** The image type its first bytes announce, or {@code null} for anything else. */
    public static String detectContentType(byte[] data) {
        if (startsWith(data, PNG)) {
            return "image/png";
        }
        if (startsWith(data, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(data, GIF87) || startsWith(data, GIF89)) {
            return "image/gif";
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        if (data == null || data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public Long getUserId() { return userId; }
    public String getContentType() { return contentType; }
    public byte[] getData() { return data.clone(); }
    public Instant getUpdatedAt() { return updatedAt; }
}

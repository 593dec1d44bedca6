package org.carebridge.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Profile pictures are recognised by their first bytes, whatever a browser claims. */
class UserProfileImageTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0};
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void pngJpegAndGifAreRecognised() {
        assertEquals("image/png", UserProfileImage.detectContentType(PNG));
        assertEquals("image/jpeg", UserProfileImage.detectContentType(JPEG));
        assertEquals("image/gif", UserProfileImage.detectContentType(GIF));
        assertEquals("image/gif", UserProfileImage.detectContentType(new byte[] {'G', 'I', 'F', '8', '7', 'a'}));
    }

    @Test
    void otherFilesAreRefusedWhateverTheirName() {
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
        byte[] html = "<html><script>alert(1)</script>".getBytes();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes();
        for (byte[] data : new byte[][] {webp, html, svg, {(byte) 0x89, 'P', 'N'}}) {
            assertNull(UserProfileImage.detectContentType(data));
            assertEquals(UserProfileImage.NOT_AN_IMAGE, UserProfileImage.problem(data));
        }
        assertEquals("The file is empty. Choose a PNG, JPEG or GIF picture.", UserProfileImage.problem(new byte[0]));
    }

    @Test
    void picturesOverOneMegabyteAreRefused() {
        byte[] big = new byte[UserProfileImage.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertEquals(UserProfileImage.TOO_LARGE, UserProfileImage.problem(big));
        byte[] justRight = java.util.Arrays.copyOf(big, UserProfileImage.MAX_BYTES);
        assertNull(UserProfileImage.problem(justRight));
    }

    @Test
    void aRefusedReplacementKeepsTheCurrentPicture() {
        UserProfileImage image = new UserProfileImage(1L, PNG, NOW);
        assertThrows(IllegalArgumentException.class, () -> image.replace("not an image".getBytes(), NOW.plusSeconds(1)));
        assertArrayEquals(PNG, image.getData());
        assertEquals("image/png", image.getContentType());
        assertEquals(NOW, image.getUpdatedAt());
        image.replace(GIF, NOW.plusSeconds(2));
        assertEquals("image/gif", image.getContentType());
    }
}

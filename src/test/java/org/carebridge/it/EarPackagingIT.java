package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The EAR that hospital IT deploys to full application servers holds the WAR that was tested. */
class EarPackagingIT {

    @Test
    void theEarWrapsTheBuiltWarAtTheRootContext() throws Exception {
        File war = new File(System.getProperty("carebridge.war", "target/carebridge.war"));
        File ear = new File(war.getParentFile(), "carebridge.ear");
        try (ZipFile zip = new ZipFile(ear)) {
            ZipEntry descriptor = zip.getEntry("META-INF/application.xml");
            assertNotNull(descriptor, "application.xml");
            String xml = new String(zip.getInputStream(descriptor).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<web-uri>carebridge.war</web-uri>"), xml);
            assertTrue(xml.contains("<context-root>/</context-root>"), xml);
            ZipEntry module = zip.getEntry("carebridge.war");
            assertNotNull(module, "the WAR module");
            assertArrayEquals(Files.readAllBytes(war.toPath()), zip.getInputStream(module).readAllBytes());
        }
    }
}

package org.carebridge.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies above {@code carebridge.api.max-body-bytes} (64 KiB unless configured)
 * with 413 before anything parses them: by the declared length when there is one, otherwise by
 * reading at most one byte more than the limit. A refused body of modest size is read to its end
 * first (see {@link #DRAIN_MAX}).
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "carebridge.api.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    /**
     * A refused body up to this size is read and thrown away before answering, so the client,
     * still sending, reads the 413 on a connection in a clean state; anything larger is answered
     * at once and the connection closed.
     */
    static final long DRAIN_MAX = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        try {
            InputStream in = request.getEntityStream();
            if (request.getLength() > maxBodyBytes) {
                refuse(request, in, request.getLength());
                return;
            }
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                refuse(request, in, -1);
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the request body failed", e);
        }
    }

    private void refuse(ContainerRequestContext request, InputStream in, long declaredLength) throws IOException {
        boolean drained = declaredLength <= DRAIN_MAX && drain(in);
        Response.ResponseBuilder answer = Response.fromResponse(tooLarge());
        if (!drained) {
            answer.header("Connection", "close");
        }
        request.abortWith(answer.build());
    }

    /** Reads and discards the rest of the body; false when it goes on beyond {@link #DRAIN_MAX}. */
    private static boolean drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > DRAIN_MAX) {
                return false;
            }
        }
        return true;
    }

    private Response tooLarge() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Request too large",
                "Request bodies can be at most " + maxBodyBytes + " bytes.").toResponse();
    }
}

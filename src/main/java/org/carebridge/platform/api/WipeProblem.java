package org.carebridge.platform.api;

import jakarta.ws.rs.core.Response;

/**
 * The remote-wipe instruction (410 Gone, RFC 9457 shape with two extension members): the device
 * must delete Carebridge's data, then confirm with {@code POST /api/v1/devices/{deviceKey}/wiped}
 * and the {@code wipeConfirmation} code.
 */
public record WipeProblem(String type, String title, int status, String detail, String deviceKey,
        String wipeConfirmation) {

    public static final String TYPE = Problem.TYPE_PREFIX + "device-wipe";

    public static WipeProblem of(String deviceKey, String confirmation) {
        return new WipeProblem(TYPE, "Wipe this device", Response.Status.GONE.getStatusCode(),
                "An administrator asked to remove Carebridge data from this device. Delete all local data,"
                        + " then confirm the wipe.", deviceKey, confirmation);
    }

    public Response toResponse() {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(this).build();
    }
}

package org.carebridge.invitation;

import java.io.IOException;

import jakarta.faces.context.FacesContext;

/** What the Users area's invitation pages share: the organization id in the address, and "not found". */
final class InvitationPages {

    private InvitationPages() {
    }

    /** The id in a request parameter, or {@code null}; a malformed one throws {@link NumberFormatException}. */
    static Long parseId(String text) {
        return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
    }

    /** The same 404 the console gives for other tenants' ids. */
    static void notFound() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().responseSendError(404, "Not found");
        context.responseComplete();
    }
}

package org.carebridge.platform.web;

import java.io.IOException;

import jakarta.faces.context.FacesContext;

/** What console pages share: reading ids from the address and answering "not found". */
public final class ConsolePages {

    private ConsolePages() {
    }

    /**
     * The id in a request parameter, or {@code null} when there is none. A malformed id throws
     * {@link NumberFormatException}, which pages answer like an id out of scope.
     */
    public static Long parseId(String text) {
        return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
    }

    /** Ends the request with the same 404 the rest of the console gives for other tenants' ids. */
    public static void notFound() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().responseSendError(404, "Not found");
        context.responseComplete();
    }
}

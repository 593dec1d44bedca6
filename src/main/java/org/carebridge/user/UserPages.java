package org.carebridge.user;

import java.io.IOException;
import java.util.Map;

import jakarta.faces.context.FacesContext;

import org.carebridge.platform.web.Messages;

/** What the user pages share: ids from the address, "not found", and field messages. */
final class UserPages {

    private UserPages() {
    }

    /** The id in a request parameter, or {@code null}; a malformed id throws {@link NumberFormatException}. */
    static Long parseId(String text) {
        return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
    }

    /** Ends the request with the console's usual 404, so other tenants' ids reveal nothing. */
    static void notFound() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().responseSendError(404, "Not found");
        context.responseComplete();
    }

    /** Shows each problem next to its field of the form {@code formId}. */
    static void showProblems(String formId, Map<String, String> problems) {
        problems.forEach((field, message) -> Messages.fieldError(formId + ":" + field, message));
        if (!problems.isEmpty()) {
            Messages.error("The profile was not saved. Correct the fields marked below.");
        }
    }
}

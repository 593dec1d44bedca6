package org.carebridge.user;

import java.util.Map;

import org.carebridge.platform.web.Messages;

/** What the user pages share beyond {@link org.carebridge.platform.web.ConsolePages}: field messages. */
final class UserPages {

    private UserPages() {
    }

    /** Shows each problem next to its field of the form {@code formId}. */
    static void showProblems(String formId, Map<String, String> problems) {
        problems.forEach((field, message) -> Messages.fieldError(formId + ":" + field, message));
        if (!problems.isEmpty()) {
            Messages.error("The profile was not saved. Correct the fields marked below.");
        }
    }
}

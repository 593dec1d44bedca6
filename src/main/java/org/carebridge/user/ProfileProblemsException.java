package org.carebridge.user;

import java.util.Map;

/** A profile form that cannot be saved, with a message for each field in question. */
public class ProfileProblemsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> problems;

    public ProfileProblemsException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    /** Messages by field id. */
    public Map<String, String> problems() {
        return problems;
    }
}

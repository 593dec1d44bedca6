package org.carebridge.access;

/** Console roles. The identity store returns them as groups; payara-web.xml maps groups to roles 1:1. */
public final class Roles {

    /** Administrator of one organization ("VST Admin" in the modelled product). */
    public static final String ORG_ADMIN = "org-admin";
    /** The operator's staff: create hospitals, act on any organization. */
    public static final String SYSTEM_ADMIN = "system-admin";

    private Roles() {
    }
}

package org.carebridge.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * One audit event as the Audit page and the export show it: the stored columns only, read with
 * a constructor query so that listing or exporting many events loads no entities.
 */
public record AuditLine(Long id, Instant occurredAt, String actorLabel, String action, String targetType,
        String targetId, String details) implements Serializable {

    /** The action's label, or its stored code when this version does not know it. */
    public String actionLabel() {
        AuditAction known = AuditAction.ofCode(action);
        return known == null ? action : known.getLabel();
    }

    /** "User 1203", or empty for events about nothing in particular. */
    public String target() {
        return targetType == null ? "" : targetType + " " + targetId;
    }
}

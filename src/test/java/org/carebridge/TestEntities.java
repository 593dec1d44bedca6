package org.carebridge;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;

import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;

/**
 * Entities for plain unit tests. Rules that compare organizations and users do so by id, as
 * they must across persistence contexts, so fixtures get the id the database would give.
 */
public final class TestEntities {

    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private TestEntities() {
    }

    public static Organization organization(long id, OrganizationKind kind, String name) {
        return withId(new Organization(kind, name, PhoneNumber.parse("(408) 882-5830"), ZoneId.of("America/Los_Angeles"),
                NOW), id);
    }

    public static Organization hospital(long id) {
        return organization(id, OrganizationKind.HOSPITAL, "Hospital " + id);
    }

    public static Organization practice(long id) {
        return organization(id, OrganizationKind.PRACTICE, "Practice " + id);
    }

    public static User user(Organization organization, long id, String email) {
        User user = withId(User.nativeUser(organization, email, "Jane", "Doe", ZoneId.of("America/New_York"), NOW), id);
        user.assignStaffId();
        return user;
    }

    /** Sets the private {@code id} field, as {@code persist} would. */
    public static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No id field on " + entity.getClass(), e);
        }
    }
}

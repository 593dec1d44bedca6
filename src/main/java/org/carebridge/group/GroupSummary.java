package org.carebridge.group;

/**
 * One line of an organization's group list: counted by the database, so listing groups never
 * loads their members. (JPQL's {@code count} is a {@code Long}, hence the boxed components.)
 */
public record GroupSummary(Long id, String name, Long memberCount) {
}

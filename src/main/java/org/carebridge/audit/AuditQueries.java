package org.carebridge.audit;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/**
 * Reads the audit trail for the Audit page and its export: counting, one page, or every matching
 * event in order. All of it runs in the database, newest first, on the
 * {@code (organization_id, occurred_at)} index. Callers pass a filter whose organization they
 * checked through {@code AdminScope}.
 */
@ApplicationScoped
public class AuditQueries {

    /** At most this many events go into one export. */
    public static final int EXPORT_MAX = 100_000;

    /** Events read per query while exporting; each chunk continues after the last one's key. */
    static final int EXPORT_CHUNK = 1_000;

    private static final String LINE = "select new org.carebridge.audit.AuditLine(e.id, e.occurredAt, e.actorLabel,"
            + " e.action, e.targetType, e.targetId, e.details) from AuditEvent e where ";
    private static final String NEWEST_FIRST = " order by e.occurredAt desc, e.id desc";

    @PersistenceContext
    EntityManager em;

    public long count(AuditFilter filter) {
        AuditFilter.Condition condition = filter.condition();
        TypedQuery<Long> query = em.createQuery("select count(e) from AuditEvent e where " + condition.jpql(),
                Long.class);
        condition.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The events from position {@code first} (0 is the newest), at most {@code max} of them. */
    public List<AuditLine> page(AuditFilter filter, int first, int max) {
        AuditFilter.Condition condition = filter.condition();
        TypedQuery<AuditLine> query = em.createQuery(LINE + condition.jpql() + NEWEST_FIRST, AuditLine.class);
        condition.parameters().forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * Hands every matching event, newest first, to {@code sink}, up to {@code limit} of them.
     * Reads in chunks that continue after the previous chunk's last (time, id), so memory stays
     * flat and no offset grows with the export.
     *
     * @return how many events were handed over
     */
    public int forEach(AuditFilter filter, int limit, Consumer<AuditLine> sink) {
        return forEach(filter, limit, EXPORT_CHUNK, sink);
    }

    int forEach(AuditFilter filter, int limit, int chunkSize, Consumer<AuditLine> sink) {
        AuditFilter.Condition condition = filter.condition();
        String after = " and (e.occurredAt < :lastAt or (e.occurredAt = :lastAt and e.id < :lastId))";
        int written = 0;
        AuditLine last = null;
        while (written < limit) {
            TypedQuery<AuditLine> query = em.createQuery(
                    LINE + condition.jpql() + (last == null ? "" : after) + NEWEST_FIRST, AuditLine.class);
            condition.parameters().forEach(query::setParameter);
            if (last != null) {
                query.setParameter("lastAt", last.occurredAt()).setParameter("lastId", last.id());
            }
            List<AuditLine> chunk = query.setMaxResults(Math.min(chunkSize, limit - written)).getResultList();
            for (AuditLine line : chunk) {
                sink.accept(line);
            }
            written += chunk.size();
            if (chunk.size() < chunkSize) {
                break;
            }
            last = chunk.get(chunk.size() - 1);
        }
        return written;
    }
}

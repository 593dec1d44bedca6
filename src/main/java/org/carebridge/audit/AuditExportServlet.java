package org.carebridge.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;

/**
 * The Audit page's Export CSV link: streams every event the page's filters match (up to
 * {@link AuditQueries#EXPORT_MAX}, newest first) as a CSV attachment. It lives under
 * {@code /console/}, so only signed-in administrators reach it, and it asks {@link AdminScope}
 * for the organization exactly as the page does. A GET that changes nothing.
 */
@WebServlet("/console/audit/export.csv")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuditExportServlet.class.getName());

    @Inject
    transient AdminScope scope;

    @Inject
    transient CurrentAdmin admin;

    @Inject
    transient AuditQueries queries;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Organization organization;
        try {
            String requested = request.getParameter("organization");
            organization = scope.organization(requested == null || requested.isBlank() ? null
                    : Long.valueOf(requested.strip()));
        } catch (NotInScopeException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AuditCriteria criteria;
        try {
            criteria = AuditCriteria.fromParameters(request::getParameter);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        ZoneId zone = admin.user().timeZone();
        AuditFilter filter = criteria.toFilter(organization.getId(), zone);
        String fileName = AuditCsv.fileName(organization.getName(), LocalDate.now(clock.withZone(zone)));
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        int rows;
        try (AuditCsv csv = AuditCsv.start(response.getWriter(), zone)) {
            rows = queries.forEach(filter, AuditQueries.EXPORT_MAX, csv::row);
        }
        int written = rows;
        LOG.info(() -> "Administrator " + admin.userId() + " exported " + written + " audit events of organization "
                + organization.getId());
    }
}

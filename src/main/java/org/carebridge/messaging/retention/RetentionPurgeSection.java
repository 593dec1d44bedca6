package org.carebridge.messaging.retention;

import java.io.Serializable;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.CurrentAdmin;
import org.carebridge.mail.MailLayout;
import org.carebridge.organization.UpdateOrganizationPage;
import org.carebridge.platform.web.Messages;

/**
 * "Message retention purge" on Update Organization: the organization's latest purge runs, and a
 * button to run the purge now to try out the retention setting. The organization is the page's
 * (already checked against the administrator's scope); the purger checks it again.
 */
@Named
@ViewScoped
public class RetentionPurgeSection implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UpdateOrganizationPage page;

    @Inject
    transient RetentionPurger purger;

    @Inject
    transient CurrentAdmin admin;

    @Inject
    transient Clock clock;

    private List<Row> runs;

    /** One run as listed: times in the administrator's time zone. */
    public record Row(long id, String started, String trigger, String cutoff, int messagesPurged, String state)
            implements Serializable {
    }

    public boolean isAvailable() {
        return page.getOrganization() != null;
    }

    public List<Row> getRuns() {
        if (runs == null && isAvailable()) {
            ZoneId zone = admin.user().timeZone();
            runs = purger.recentRuns(page.getOrganization().getId()).stream()
                    .map(r -> new Row(r.getId(), MailLayout.dateTime(r.getStartedAt(), zone), r.getTrigger().label(),
                            MailLayout.dateTime(r.getCutoff(), zone), r.getMessagesPurged(), r.getState().label()))
                    .toList();
        }
        return runs;
    }

    /** When the timer next runs, in the administrator's time zone. */
    public String getNextRun() {
        return MailLayout.dateTime(RetentionSchedule.nextRun(clock.instant()), admin.user().timeZone());
    }

    /** Runs the purge for this organization now, as the nightly timer would. */
    public void purgeNow() {
        try {
            Optional<PurgeRun> run = purger.purgeNow(page.getOrganization().getId());
            if (run.isEmpty()) {
                Messages.error("A purge is running right now. Try again in a few minutes.");
            } else if (run.get().getState() == PurgeRunState.COMPLETED) {
                int count = run.get().getMessagesPurged();
                Messages.info("Purge finished: the content of " + count + (count == 1 ? " message" : " messages")
                        + " sent before " + MailLayout.dateTime(run.get().getCutoff(), admin.user().timeZone())
                        + " was removed.");
            } else {
                Messages.error("The purge stopped after " + run.get().getMessagesPurged() + " messages. What it"
                        + " removed stays removed; the next purge continues with the rest.");
            }
        } catch (IllegalStateException e) {
            Messages.error(e.getMessage());
        }
        runs = null;
    }
}

package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import org.carebridge.mail.MailState;
import org.carebridge.mail.OutboundMail;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The outbox keeps mail through an SMTP outage: a mail queued while the server is down is
 * retried (first retry shortened to 2 s for this run) and delivered once it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailOutageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void mailQueuedDuringAnOutageArrivesWhenTheServerIsBack() throws Exception {
        String base = Deployments.loopback(deployed);
        Deployments.awaitReady(base);
        String email = ItData.uniqueEmail("outage");
        try (ItData data = new ItData(); Browser browser = new Browser(base)) {
            Organization org = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Outage Hospital"),
                    "(602) 555-0110");
            data.administrator(org, email, "Outage-Password-1");

            // No SMTP server is listening: the request still succeeds, the mail waits.
            browser.open("/password/forgot.xhtml");
            browser.type("#forgot\\:email", email);
            browser.click("#forgot\\:submit");
            browser.waitFor("#sent");
            OutboundMail waiting = awaitMail(data, email, m -> m.getAttempts() >= 1);
            assertEquals(MailState.QUEUED, waiting.getState());
            assertNotNull(waiting.getLastError(), "the failure is recorded");

            GreenMail smtp = new GreenMail(Mailbox.setup());
            smtp.start();
            OutboundMail sent;
            try {
                Mailbox.await(smtp, email, "Reset your Carebridge password");
                // Keep the server up until the sender has finished its SMTP session and recorded it.
                sent = awaitMail(data, email, m -> m.getState() == MailState.SENT);
            } finally {
                smtp.stop();
            }
            assertTrue(sent.getAttempts() >= 2, "delivered on a retry: " + sent.getAttempts());
            assertEquals(1, data.mailsTo(email).size(), "sent once, not duplicated");
        }
    }

    private static OutboundMail awaitMail(ItData data, String email, java.util.function.Predicate<OutboundMail> done)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<OutboundMail> mails = data.mailsTo(email);
            if (!mails.isEmpty() && done.test(mails.get(0))) {
                return mails.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The outbox never reached the expected state for " + email);
    }
}

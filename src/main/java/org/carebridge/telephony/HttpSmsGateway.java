package org.carebridge.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

import org.carebridge.organization.PhoneNumber;

/**
 * Text messages through a REST SMS service, in the shape of the widespread account-scoped
 * {@code Messages} resource: one form POST of {@code To}, {@code From} (the configured sender
 * number) and {@code Body} to {@code <base-url>/Accounts/<account>/Messages.json}; the answer's
 * {@code sid} is the provider's message id.
 */
public class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(HttpSmsGateway.class.getName());
    static final String RESOURCE = "Messages.json";

    private final ProviderHttp http;
    private final PhoneNumber sender;

    HttpSmsGateway(ProviderHttp.Settings settings, PhoneNumber sender) {
        this.http = new ProviderHttp(settings);
        this.sender = Objects.requireNonNull(sender, "sms.from");
    }

    @Override
    public SmsResult send(SmsMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to().e164());
        form.put("From", CallEndpoint.e164(sender));
        form.put("Body", message.text());
        ProviderHttp.Answer answer = http.post(RESOURCE, form);
        SmsResult result;
        if (answer instanceof ProviderHttp.Accepted accepted) {
            result = SmsResult.accepted(accepted.id(), accepted.status());
        } else if (answer instanceof ProviderHttp.Refused refused) {
            result = SmsResult.refused(refused.status(), refused.code());
        } else {
            ProviderHttp.Unavailable unavailable = (ProviderHttp.Unavailable) answer;
            result = SmsResult.unavailable(unavailable.status(), unavailable.reason());
        }
        if (result.isAccepted()) {
            LOG.info(() -> "SMS service accepted text " + message.reference() + " (" + result.providerMessageId() + ")");
        } else {
            LOG.warning(() -> "SMS service did not accept text " + message.reference() + ": " + result.outcome() + ", "
                    + result.failure());
        }
        return result;
    }
}

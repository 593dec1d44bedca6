package org.carebridge.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Masked calls through a REST voice service, in the shape of the widespread account-scoped
 * {@code Calls} resource: one form POST to {@code <base-url>/Accounts/<account>/Calls.json} asks
 * the service to ring the caller's phone from the voice number ({@code To}, {@code From}), and
 * the call instructions it carries ({@code Twiml}) dial the callee with the voice number as
 * caller id, keying in a badge user's extension once the guest access number answers. The
 * answer's {@code sid} is kept as the provider's call id.
 */
public class HttpVoiceCallProvider implements VoiceCallProvider {

    private static final Logger LOG = Logger.getLogger(HttpVoiceCallProvider.class.getName());
    static final String RESOURCE = "Calls.json";

    private final ProviderHttp http;

    HttpVoiceCallProvider(ProviderHttp.Settings settings) {
        this.http = new ProviderHttp(settings);
    }

    @Override
    public CallPlacement bridge(BridgeRequest request) {
        ProviderHttp.Answer answer = http.post(RESOURCE, form(request));
        CallPlacement placement;
        if (answer instanceof ProviderHttp.Accepted accepted) {
            placement = CallPlacement.placed(accepted.id(), accepted.status());
        } else if (answer instanceof ProviderHttp.Refused refused) {
            placement = CallPlacement.refused(refused.status(), refused.code());
        } else {
            ProviderHttp.Unavailable unavailable = (ProviderHttp.Unavailable) answer;
            placement = CallPlacement.unavailable(unavailable.status(), unavailable.reason());
        }
        if (placement.isPlaced()) {
            LOG.info(() -> "Voice service placed call " + request.callId() + " (" + placement.providerCallId() + ")");
        } else {
            LOG.warning(() -> "Voice service did not place call " + request.callId() + ": " + placement.outcome()
                    + ", " + placement.failure());
        }
        return placement;
    }

    /** The form: ring the caller from the voice number, then dial the callee showing the voice number. */
    static Map<String, String> form(BridgeRequest request) {
        String voice = CallEndpoint.e164(request.presentedNumber());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", CallEndpoint.e164(request.caller()));
        form.put("From", voice);
        form.put("Twiml", instructions(request.callee(), voice));
        return form;
    }

    /** Call instructions in the common XML dialect; only digits and '+' go in, so nothing needs escaping. */
    static String instructions(CallEndpoint callee, String presented) {
        String keys = callee.extension() == null ? "" : " sendDigits=\"ww" + callee.extension() + "\"";
        return "<Response><Dial callerId=\"" + presented + "\"><Number" + keys + ">"
                + CallEndpoint.e164(callee.number()) + "</Number></Dial></Response>";
    }
}

package org.carebridge.telephony;

/**
 * Sends one text message (SMS) to a mobile number through an SMS service or, in the embedded
 * default, records it. Carebridge's texts carry no message content, only a notice and a link.
 * Implementations never throw for a refused or failed text: they answer it in the
 * {@link SmsResult}.
 */
public interface SmsGateway {

    SmsResult send(SmsMessage message);
}

package org.carebridge.messaging.outsider;

import java.util.Objects;

import org.carebridge.telephony.MobileNumber;
import org.carebridge.user.User;

/**
 * Where a non-user is reached, normalized so the same person is found again: a lower-case e-mail
 * address or a mobile number in E.164 form. Private data: {@link #toString()} shows neither, so
 * an address never reaches a log by accident.
 */
public record OutsiderAddress(OutsiderChannel channel, String address) {

    public OutsiderAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
    }

    /** An e-mail address as typed; throws {@link IllegalArgumentException} with a message for people. */
    public static OutsiderAddress email(String text) {
        String problem = User.emailProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new OutsiderAddress(OutsiderChannel.EMAIL, User.normalizeEmail(text));
    }

    /** A mobile number as typed (North American, or international with +); throws {@link IllegalArgumentException}. */
    public static OutsiderAddress mobile(String text) {
        return new OutsiderAddress(OutsiderChannel.SMS, MobileNumber.parse(text).e164());
    }

    public MobileNumber mobileNumber() {
        if (channel != OutsiderChannel.SMS) {
            throw new IllegalStateException("An e-mail address has no mobile number");
        }
        return new MobileNumber(address);
    }

    /**
     * Enough to tell two non-users apart without giving either away ({@code j•••@example.org},
     * {@code •••0142}): what one non-user sees of another in the same conversation.
     */
    public String masked() {
        if (channel == OutsiderChannel.SMS) {
            return mobileNumber().masked();
        }
        int at = address.indexOf('@');
        return address.charAt(0) + "\u2022\u2022\u2022" + address.substring(at);
    }

    @Override
    public String toString() {
        return "OutsiderAddress[" + channel + "]";
    }
}

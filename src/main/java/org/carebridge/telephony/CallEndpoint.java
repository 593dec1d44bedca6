package org.carebridge.telephony;

import java.util.Objects;
import java.util.Optional;

import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * Where a masked call reaches a person: a telephone number and, for a badge user behind an
 * on-premises voice server, the extension to key in once that number answers. Private: it goes
 * to the voice provider and nowhere else ({@link #toString()} shows no digits).
 */
public record CallEndpoint(PhoneNumber number, String extension, Line line) {

    /** The longest extension keyed in after the guest access number answers. */
    public static final int EXTENSION_MAX = 10;

    /** Which of the person's numbers is dialled: metadata that may be stored and shown. */
    public enum Line {
        /** The private cell number of the profile. */
        CELL,
        /** A synced badge user: the voice server's guest access number, then the desk phone or extension. */
        BADGE,
        /** A synced user's desk phone, a full number of its own. */
        DESK
    }

    public CallEndpoint {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(line, "line");
        if (extension != null && !extension.matches("\\d{1," + EXTENSION_MAX + "}")) {
            throw new IllegalArgumentException("An extension is 1 to " + EXTENSION_MAX + " digits");
        }
    }

    /**
     * The number a call to {@code user} rings, or empty when the profile has none to use. A native
     * user is called on the cell number. A synced (external) user is called as the guide's "badge
     * phone number" says — the guest access number, then the desk phone or extension keyed in —
     * or else on a cell number, or else on a desk phone that is a full number of its own. A desk
     * phone that is no usable extension is left out: the guest access number still reaches the
     * voice server, where the caller can ask for the person.
     */
    public static Optional<CallEndpoint> of(User user) {
        Optional<PhoneNumber> cell = parse(user.getCellPhone());
        if (user.getKind() != UserKind.EXTERNAL) {
            return cell.map(number -> new CallEndpoint(number, null, Line.CELL));
        }
        Optional<PhoneNumber> access = parse(user.getGuestAccessNumber());
        if (access.isPresent()) {
            return Optional.of(new CallEndpoint(access.get(), extension(user.getDeskPhone()), Line.BADGE));
        }
        if (cell.isPresent()) {
            return Optional.of(new CallEndpoint(cell.get(), null, Line.CELL));
        }
        return parse(user.getDeskPhone()).map(number -> new CallEndpoint(number, null, Line.DESK));
    }

    /** The cell number a user's own phone is called on, or empty. */
    public static Optional<PhoneNumber> cellOf(User user) {
        return parse(user.getCellPhone());
    }

    private static Optional<PhoneNumber> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(text));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /** The digits of a desk phone or extension when they make an extension ("4412", "44-12"), else null. */
    static String extension(String deskPhone) {
        if (deskPhone == null || !deskPhone.strip().matches("[0-9 .\\-]+")) {
            return null;
        }
        String digits = deskPhone.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > EXTENSION_MAX ? null : digits;
    }

    /** E.164, as voice and SMS services expect it: {@code +14085550100}. */
    public static String e164(PhoneNumber number) {
        return "+1" + number.digits();
    }

    @Override
    public String toString() {
        return "CallEndpoint[" + line + (extension == null ? "" : ", with extension") + "]";
    }
}

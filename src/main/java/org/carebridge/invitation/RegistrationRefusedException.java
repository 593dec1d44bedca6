package org.carebridge.invitation;

/** A registration form that cannot be accepted as entered; {@link #field()} says which field to fix. */
public class RegistrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The form's fields, as the registration page names its inputs. */
    public enum Field { FIRST_NAME, LAST_NAME, CELL_PHONE, PIN, PIN_CONFIRMATION, PASSWORD, PASSWORD_CONFIRMATION,
        TIME_ZONE }

    private final Field field;

    public RegistrationRefusedException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}

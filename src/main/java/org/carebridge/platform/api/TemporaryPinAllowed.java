package org.carebridge.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few {@link ClientAuthenticated} resource methods a client signed in with a temporary
 * PIN may call (change the PIN, sign out). Every other call answers 403
 * {@code /problems/pin-change-required} until the PIN is changed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TemporaryPinAllowed {
}

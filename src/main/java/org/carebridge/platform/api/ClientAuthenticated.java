package org.carebridge.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks client API resources (classes or methods) that need a signed-in client: the request
 * must carry {@code Authorization: Bearer <access token>} of an active session, and the
 * resource reads who is calling from {@link org.carebridge.access.ClientCaller}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ClientAuthenticated {
}

package org.carebridge.access;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in for the admin console: protected pages redirect to the sign-in page, which
 * authenticates through {@link ConsoleIdentityStore} and then returns to the page asked for.
 */
@ApplicationScoped
@DeclareRoles({Roles.ORG_ADMIN, Roles.SYSTEM_ADMIN})
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
public class ConsoleAuthentication {
}

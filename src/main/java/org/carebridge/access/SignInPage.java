package org.carebridge.access;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** The console's Sign In page. */
@Named
@RequestScoped
public class SignInPage {

    public static final String HOME = "/console/organization/edit.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    ConsoleSessionPolicy sessionPolicy;

    private String email;
    private String password;
    /** Why the visitor is here: "signedOut", "expired" or "passwordChanged". */
    private String reason;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String typed = email == null ? "" : email.strip();
        // A fresh session id on sign-in defeats session fixation. It is renewed before
        // authenticating, because a successful sign-in may already answer with the redirect back
        // to the page that asked for it, after which no new session cookie could be set.
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setMaxInactiveInterval(sessionPolicy.idleTimeoutSeconds());
        // Someone not yet signed in continues the sign-in the container started when they opened
        // a console page (a mailed invitation link, say), so Jakarta Security takes them back to
        // that page. A new authentication would discard that page and land on HOME instead.
        boolean alreadySignedIn = security.getCallerPrincipal() != null;
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(typed,
                        password == null ? "" : password)).newAuthentication(alreadySignedIn));
        switch (status) {
            case SUCCESS -> {
                external.redirect(external.getRequestContextPath() + HOME);
                faces.responseComplete();
            }
            // Jakarta Security has redirected to the page that asked for the sign-in.
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                // A failed attempt leaves the authentication mechanism's state in the session,
                // which would answer the next protected request with an empty page instead of
                // the sign-in page. Start over with a clean session.
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                password = null;
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "The e-mail address or password is not correct.", null));
            }
        }
    }

    public String getNotice() {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "signedOut" -> "You have signed out.";
            case "expired" -> "You were signed out after a period without activity. Sign in again to continue.";
            case "passwordChanged" -> "Your password has been changed. Sign in with the new password.";
            default -> null;
        };
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}

package org.carebridge.access;

import jakarta.enterprise.context.RequestScoped;

import org.carebridge.device.Device;
import org.carebridge.user.User;

/**
 * The client (user on one device) calling the API in this request, as
 * {@link ClientTokenFilter} found it from the access token. Resources of the client API read
 * the caller here and nowhere else; an id in a request is never taken as "who I am".
 */
@RequestScoped
public class ClientCaller {

    private ClientSession session;

    void signedIn(ClientSession session) {
        this.session = session;
    }

    public boolean isSignedIn() {
        return session != null;
    }

    public ClientSession session() {
        if (session == null) {
            throw new IllegalStateException("No signed-in client in this request");
        }
        return session;
    }

    public User user() {
        return session().getUser();
    }

    public Long userId() {
        return user().getId();
    }

    public Device device() {
        return session().getDevice();
    }
}

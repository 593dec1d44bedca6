package org.carebridge.access;

import java.util.Map;

import org.carebridge.user.User;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/** Stand-ins for the console's signed-in administrator and a working hasher, for plain tests. */
public final class TestAccess {

    private TestAccess() {
    }

    /** The real hasher on Soteria's PBKDF2, as the container would inject it. */
    public static PasswordHasher hasher() {
        PasswordHasher hasher = new PasswordHasher();
        hasher.pbkdf2 = new Pbkdf2PasswordHashImpl();
        hasher.pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "1024"));
        return hasher;
    }

    /** The session store on {@code em}, for services that end client sessions. */
    public static ClientTokens clientTokens(jakarta.persistence.EntityManager em, java.time.Clock clock) {
        ClientTokens tokens = new ClientTokens();
        tokens.em = em;
        tokens.clock = clock;
        tokens.ended = new org.carebridge.RecordingEvent<>();
        return tokens;
    }

    /** Nobody signed in (a timer, the connector). */
    public static CurrentAdmin signedOut() {
        return new CurrentAdmin() {
            @Override
            public boolean isSignedIn() {
                return false;
            }

            @Override
            public boolean isSystemAdmin() {
                return false;
            }

            @Override
            public User user() {
                throw new NotInScopeException("Not signed in");
            }
        };
    }

    /** {@code user} signed in, with the system administrator role when {@code system}. */
    public static CurrentAdmin signedIn(User user, boolean system) {
        return new CurrentAdmin() {
            @Override
            public boolean isSignedIn() {
                return true;
            }

            @Override
            public boolean isSystemAdmin() {
                return system;
            }

            @Override
            public User user() {
                return user;
            }
        };
    }
}

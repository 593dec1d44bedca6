package org.carebridge.directory;

import java.time.Clock;

import jakarta.persistence.EntityManager;

import org.carebridge.reachability.ReachabilityAccess;

/** Builds a {@link Directory} over a given entity manager, for tests and benchmarks outside the container. */
public final class DirectoryAccess {

    private DirectoryAccess() {
    }

    public static Directory over(EntityManager em, Clock clock) {
        Directory directory = new Directory();
        directory.em = em;
        directory.reachability = ReachabilityAccess.over(em);
        directory.directoryClock = DirectoryClock.over(em);
        directory.clock = clock;
        return directory;
    }
}

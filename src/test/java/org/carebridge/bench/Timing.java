package org.carebridge.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

/**
 * How every benchmark times one operation: a few warm-up runs, then 30 measured runs, each
 * starting from an empty persistence context (as each request does), reported as median and p95.
 */
public final class Timing {

    public static final int WARMUP = 5;
    public static final int ROUNDS = 30;

    private Timing() {
    }

    /** "what   median x ms   p95 y ms   (30 rounds)", aligned for a plain-text report. */
    public static String measure(String what, Supplier<?> work, EntityManager em) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
            em.clear();
        }
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
            em.clear();
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-38s median %8.2f ms   p95 %8.2f ms   (%d rounds)", what,
                millis[ROUNDS / 2], millis[(int) (ROUNDS * 0.95)], ROUNDS);
    }
}

package org.carebridge.events;

import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;

/**
 * Carries client events to the other nodes of a cluster with Payara's own clustered CDI events:
 * an event fired with Payara's {@code @Outbound} qualifier is published on the Hazelcast cluster
 * and fired again on every other member with {@code @Inbound}. Loop-back stays off, because the
 * node where the change happened delivers to its own sockets directly.
 *
 * <p>Payara's qualifiers are looked up by name, so the application has no compile-time tie to
 * Payara and still deploys on servers without them (there, and with {@code --nocluster}, events
 * stay on the node they happened on, which is all a single node needs).
 */
@ApplicationScoped
public class ClusterRelay {

    private static final Logger LOG = Logger.getLogger(ClusterRelay.class.getName());
    static final String OUTBOUND = "fish.payara.micro.cdi.Outbound";
    static final String INBOUND = "fish.payara.micro.cdi.Inbound";

    @Inject
    BeanManager beanManager;

    @Inject
    PresenceFanOut fanOut;

    @Inject
    EventStreams streams;

    @Resource
    ManagedExecutorService executor;

    private volatile Annotation outbound;
    private volatile boolean unavailable;

    /**
     * Publishes {@code event} to the other nodes, if this server is part of a Payara cluster.
     * They receive it as a CDI event with Payara's inbound qualifier ({@link #isInbound}).
     */
    public void toOtherNodes(Serializable event) {
        Annotation qualifier = outbound();
        if (qualifier == null) {
            return;
        }
        try {
            beanManager.getEvent().select(qualifier).fire(event);
        } catch (RuntimeException e) {
            // Clustering off (--nocluster) or the cluster unavailable: this node has delivered already.
            LOG.log(Level.FINE, "Event not relayed to other nodes", e);
        }
    }

    /** An event another node published: deliver it to this node's sockets. */
    void received(@Observes @Any PresenceChanged change, EventMetadata metadata) {
        if (isInbound(metadata)) {
            executor.execute(() -> fanOut.deliverHere(change));
        }
    }

    /** Events appended on another node: this node's sockets of those users catch up. */
    void received(@Observes @Any EventsAppended appended, EventMetadata metadata) {
        if (isInbound(metadata)) {
            streams.deliverHere(appended);
        }
    }

    /** Whether an observed event came from another node (and not from this one's own firing). */
    public static boolean isInbound(EventMetadata metadata) {
        return metadata.getQualifiers().stream().anyMatch(q -> q.annotationType().getName().equals(INBOUND));
    }

    private Annotation outbound() {
        if (outbound == null && !unavailable) {
            try {
                Class<?> type = Class.forName(OUTBOUND, true, Thread.currentThread().getContextClassLoader());
                outbound = annotation(type.asSubclass(Annotation.class));
            } catch (ClassNotFoundException | LinkageError e) {
                unavailable = true;
                LOG.info("Payara clustered CDI events are not available; client events stay on this node");
            }
        }
        return outbound;
    }

    /** {@link Annotation#hashCode()} as the contract defines it, for members at their defaults. */
    private static int hashOfDefaults(Class<? extends Annotation> type) {
        int hash = 0;
        for (java.lang.reflect.Method member : type.getDeclaredMethods()) {
            Object value = member.getDefaultValue();
            int valueHash = value instanceof Object[] array ? java.util.Arrays.hashCode(array)
                    : value == null ? 0 : value.hashCode();
            hash += (127 * member.getName().hashCode()) ^ valueHash;
        }
        return hash;
    }

    /** An instance of a qualifier with every member at its default (no loop-back, all instances). */
    static Annotation annotation(Class<? extends Annotation> type) {
        return (Annotation) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "equals":
                    return args[0] instanceof Annotation other && other.annotationType() == type;
                case "hashCode":
                    return hashOfDefaults(type);
                case "toString":
                    return "@" + type.getName() + "()";
                default:
                    return method.getDefaultValue();
            }
        });
    }
}

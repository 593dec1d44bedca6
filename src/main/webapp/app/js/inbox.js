// The client's side of the event log: events are processed in sequence order, each at most once,
// acknowledged once processed (so senders see "delivered"), and the last processed sequence is
// what the socket asks to resume from after a drop, so nothing is missed and nothing doubles.

const ACK_DELAY_MS = 150;

export class Inbox {
    /** publish(type, payload) hands events to the views; send(frame) writes to the socket (false if closed). */
    constructor({publish, send}) {
        this.publish = publish;
        this.send = send;
        this.lastSequence = null;
        this.acknowledged = 0;
        this.ackTimer = null;
    }

    /** The sequence to resume after, or null on a first start (then the server sends only new events). */
    after() {
        return this.lastSequence;
    }

    /**
     * Starts afresh for {@code userId} (null when signed out). The last processed sequence is kept
     * per user in localStorage (a number, nothing else), so signing in again in this browser replays
     * what arrived in between and acknowledges it, rather than starting from "now".
     */
    reset(userId) {
        clearTimeout(this.ackTimer);
        this.key = userId ? "carebridge.lastSequence." + userId : null;
        const stored = this.key ? Number(localStorage.getItem(this.key)) : NaN;
        this.lastSequence = Number.isInteger(stored) && stored >= 0 && localStorage.getItem(this.key) !== null ? stored : null;
        this.acknowledged = 0;
    }

    remember() {
        if (this.key && this.lastSequence !== null) {
            localStorage.setItem(this.key, String(this.lastSequence));
        }
    }

    handle(envelope) {
        const {type, payload, sequence} = envelope;
        if (type === "ready") {
            if (this.lastSequence === null || this.lastSequence > payload.lastSequence) {
                this.lastSequence = payload.lastSequence;
            }
            this.remember();
            // A new socket: an acknowledgement written just before the old one broke may never have
            // arrived, so acknowledge again (the server takes repeated acknowledgements as no-ops).
            this.acknowledged = 0;
            this.acknowledge();
            this.publish("ready", payload);
            return;
        }
        if (type === "resync") {
            // The log no longer reaches back to our position: views reload over REST.
            this.lastSequence = payload.lastSequence;
            this.remember();
            this.publish("resync", payload);
            this.acknowledge();
            return;
        }
        if (typeof sequence !== "number") {
            this.publish(type, payload);
            return;
        }
        if (this.lastSequence !== null && sequence <= this.lastSequence) {
            return;
        }
        this.lastSequence = sequence;
        this.remember();
        this.publish(type, payload);
        clearTimeout(this.ackTimer);
        this.ackTimer = setTimeout(() => this.acknowledge(), ACK_DELAY_MS);
    }

    acknowledge() {
        if (this.lastSequence !== null && this.lastSequence > this.acknowledged
                && this.send({type: "ack", sequence: this.lastSequence})) {
            this.acknowledged = this.lastSequence;
        }
    }
}

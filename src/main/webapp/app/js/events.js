// The event socket (/api/v1/events) with reconnection. The token goes in the bearer.<token>
// subprotocol next to carebridge.v1, never in the URL. When the socket drops, the client shows
// "reconnecting", tries again with growing waits (1 s doubling to 30 s, sooner when the browser
// comes back online), and tells listeners once it is back so they can catch up on what they missed.

import * as api from "./api.js";

const PROTOCOL = "carebridge.v1";
const MAX_WAIT_MS = 30000;
// Browsers cannot send WebSocket pings: a {"type":"ping"} frame every 25 s finds a dead connection
// (a laptop waking up, a proxy that dropped it) within 35 s instead of never.
const PING_EVERY_MS = 25000;
const PONG_WITHIN_MS = 10000;
// Every socket the server takes into service starts with a "ready" event. A socket that opened
// without one is not being served (the handshake went wrong on the server's side): open another.
const READY_WITHIN_MS = 10000;

export class EventSocket {
    /**
     * listeners: onEvent(envelope), onState("connecting" | "open" | "reconnecting" | "stopped"),
     * onReconnected() after an open that followed a drop, after() the last event sequence processed
     * (null on a first start), so the server replays what was missed.
     */
    constructor(listeners) {
        this.listeners = listeners;
        this.socket = null;
        this.running = false;
        this.attempt = 0;
        this.timer = null;
        this.wasOpen = false;
        this.dropped = false;
        this.onOnline = () => this.retryNow();
        this.onOffline = () => this.drop();
    }

    start() {
        if (this.running) {
            return;
        }
        this.running = true;
        this.dropped = false;
        window.addEventListener("online", this.onOnline);
        window.addEventListener("offline", this.onOffline);
        this.connect();
    }

    stop() {
        this.running = false;
        clearTimeout(this.timer);
        this.stopTimers();
        window.removeEventListener("online", this.onOnline);
        window.removeEventListener("offline", this.onOffline);
        if (this.socket) {
            const socket = this.socket;
            this.socket = null;
            socket.close(1000, "signed out");
        }
        this.state("stopped");
    }

    connect() {
        if (!this.running || !api.hasToken()) {
            return;
        }
        this.state(this.dropped ? "reconnecting" : "connecting");
        if (navigator.onLine === false) {
            // Nothing can connect: wait for the browser's "online" event (and try now and then in case it never comes).
            this.dropped = true;
            this.state("reconnecting");
            clearTimeout(this.timer);
            this.timer = setTimeout(() => this.connect(), MAX_WAIT_MS);
            return;
        }
        let socket;
        try {
            const after = this.listeners.after ? this.listeners.after() : null;
            const url = api.eventsUrl() + (after === null || after === undefined ? "" : "?after=" + encodeURIComponent(after));
            socket = new WebSocket(url, [PROTOCOL, "bearer." + api.currentToken()]);
        } catch (e) {
            this.scheduleRetry();
            return;
        }
        this.socket = socket;
        let opened = false;
        socket.addEventListener("open", () => {
            opened = true;
            this.attempt = 0;
            const reconnected = this.dropped;
            this.dropped = false;
            this.state("open");
            this.keepAlive(socket);
            clearTimeout(this.readyTimer);
            this.readyTimer = setTimeout(() => {
                if (this.socket === socket) {
                    this.drop("no ready event");
                }
            }, READY_WITHIN_MS);
            if (reconnected && this.listeners.onReconnected) {
                this.listeners.onReconnected();
            }
        });
        socket.addEventListener("message", (message) => {
            let envelope;
            try {
                envelope = JSON.parse(message.data);
            } catch (e) {
                return;
            }
            if (envelope && envelope.type === "pong") {
                clearTimeout(this.pongTimer);
            } else if (envelope && envelope.type === "ready" && this.socket === socket) {
                clearTimeout(this.readyTimer);
                this.listeners.onEvent(envelope, socket);
            } else if (envelope && typeof envelope.type === "string") {
                this.listeners.onEvent(envelope, socket);
            }
        });
        socket.addEventListener("close", () => {
            if (this.socket !== socket) {
                return;
            }
            this.socket = null;
            this.stopTimers();
            if (!this.running) {
                return;
            }
            this.dropped = true;
            this.state("reconnecting");
            if (!opened) {
                // A refused handshake looks like any network failure to a browser: ask the REST API
                // whether the session still stands (its answer reaches the session handler if not).
                api.get("session").then(() => this.scheduleRetry(), (error) => {
                    if (error.status === 0 || error.status >= 500) {
                        this.scheduleRetry();
                    }
                });
            } else {
                this.scheduleRetry();
            }
        });
    }

    keepAlive(socket) {
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => {
            if (this.socket !== socket || socket.readyState !== WebSocket.OPEN) {
                clearInterval(this.pingTimer);
                return;
            }
            socket.send(JSON.stringify({type: "ping"}));
            clearTimeout(this.pongTimer);
            this.pongTimer = setTimeout(() => {
                if (this.socket === socket) {
                    this.drop("no pong");
                }
            }, PONG_WITHIN_MS);
        }, PING_EVERY_MS);
    }

    stopTimers() {
        clearInterval(this.pingTimer);
        clearTimeout(this.pongTimer);
        clearTimeout(this.readyTimer);
    }

    /**
     * The socket is of no use (the browser says the network is gone, no pong, no ready event):
     * close it at once and show it, rather than wait for a timeout.
     */
    drop(reason = "offline") {
        this.stopTimers();
        if (this.socket) {
            const socket = this.socket;
            this.socket = null;
            socket.close(4000, reason);
        }
        if (this.running) {
            this.dropped = true;
            this.state("reconnecting");
            this.scheduleRetry();
        }
    }

    retryNow() {
        if (this.running && !this.socket) {
            clearTimeout(this.timer);
            this.attempt = 0;
            this.connect();
        }
    }

    scheduleRetry() {
        clearTimeout(this.timer);
        const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
        this.attempt = Math.min(this.attempt + 1, 10);
        this.timer = setTimeout(() => this.connect(), wait);
    }

    /** Sends a JSON message if the socket is open (acknowledgements); false otherwise. */
    send(message) {
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(message));
            return true;
        }
        return false;
    }

    state(value) {
        if (this.listeners.onState) {
            this.listeners.onState(value);
        }
    }
}

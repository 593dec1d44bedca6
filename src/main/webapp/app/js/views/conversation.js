// One conversation: its messages (oldest first, earlier pages on demand), who has received and
// read each of one's own messages, answer buttons for multiple-choice messages, messages leaving
// the page when they expire, and the composer. Also the page that starts a new conversation.

import {h, replace, alertBox, showAlert, focusHeading, dateTime, field} from "../dom.js";
import * as api from "../api.js";
import * as session from "../session.js";
import {composer} from "./composer.js";
import {conversationTitle, shortTime} from "./conversations.js";

const STATE_TEXT = {SENT: "Sent", DELIVERED: "Delivered", READ: "Read"};
// For people without an account: whether the mail or text message with their link went out.
const NOTICE_TEXT = {QUEUED: "notice waiting to go out", SENT: "notice sent", FAILED: "notice could not be sent"};

/** Whether {@code message} is the signed-in user's own (a non-user's message has no sender). */
function isMine(message, me) {
    return !!message.sender && message.sender.id === me;
}

// How far a copy has come; it never goes back. Events and page loads arrive in any order (a
// page read before an acknowledgement can come back after its receipt event), so two views of one
// message are merged by keeping what is further along, never by taking the later one.
const STATE_RANK = {SENT: 0, DELIVERED: 1, READ: 2};

function further(a, b) {
    return (STATE_RANK[b] ?? -1) > (STATE_RANK[a] ?? -1) ? b : a;
}

/** One recipient's entry from two views: the further state with its times, an answer once given. */
function mergedRecipient(known, incoming) {
    const state = further(known.state, incoming.state);
    const [from, other] = state === incoming.state ? [incoming, known] : [known, incoming];
    return Object.assign({}, incoming, {
        state, deliveredAt: from.deliveredAt ?? other.deliveredAt,
        readAt: from.readAt ?? other.readAt,
        response: incoming.response ?? known.response,
        respondedAt: incoming.respondedAt ?? known.respondedAt,
        notice: incoming.notice === "QUEUED" && known.notice && known.notice !== "QUEUED" ? known.notice : incoming.notice
    });
}

/** {@code incoming} (a page or an event) with nothing in it behind what {@code known} already shows. */
function mergedMessage(known, incoming) {
    if (!known) {
        return incoming;
    }
    const merged = Object.assign({}, incoming, {
        state: further(known.state, incoming.state),
        response: incoming.response ?? known.response
    });
    if (incoming.recipients && known.recipients) {
        merged.recipients = incoming.recipients.map((r) => {
            const same = known.recipients.find((k) => r.nonUserId ? k.nonUserId === r.nonUserId : k.userId === r.userId);
            return same ? mergedRecipient(same, r) : r;
        });
    }
    return merged;
}

/** The recipient entry a receipt or response event is about: a user's or a non-user's. */
function recipientOf(message, payload) {
    return message.recipients.find((x) => payload.nonUserId ? x.nonUserId === payload.nonUserId
        : x.userId === payload.recipientId);
}

export function renderConversation(main, app, conversationId) {
    const me = session.session().user.id;
    const box = alertBox("conversation-error");
    const title = h("h1", {id: "conversation-title"}, "Conversation");
    const who = h("p", {class: "participants", id: "conversation-participants"});
    const earlier = h("button", {type: "button", class: "button quiet", id: "conversation-earlier", hidden: true},
        "Show earlier messages");
    const log = h("ol", {class: "messages", id: "messages", role: "log", "aria-live": "polite",
        "aria-label": "Messages"});
    const compose = composer({
        idPrefix: "reply", label: "Your message",
        send: async (draft) => {
            const message = await api.post("conversations/" + conversationId + "/messages", draft);
            upsert(message);
        }
    });
    replace(main, h("section", {class: "page conversation-page", "aria-labelledby": "conversation-title"},
        h("p", {class: "back"}, h("a", {href: "#/conversations"}, "← All messages")),
        title, who, box, earlier, log, compose.form));

    const messages = new Map();
    const expiryTimers = new Map();
    let olderCursor = null;

    function recipientLine(r, message) {
        const parts = [STATE_TEXT[r.state] || r.state];
        if (r.state === "READ" && r.readAt) {
            parts[0] = "Read " + shortTime(r.readAt);
        } else if (r.state === "DELIVERED" && r.deliveredAt) {
            parts[0] = "Delivered " + shortTime(r.deliveredAt);
        }
        if (r.response !== null && r.response !== undefined && message.choices) {
            parts.push("answered “" + message.choices[r.response] + "”");
        }
        if (r.nonUserId && r.state === "SENT" && NOTICE_TEXT[r.notice]) {
            parts.push(NOTICE_TEXT[r.notice]);
        }
        return h("li", {class: "receipt " + String(r.state).toLowerCase(), "data-user-id": r.userId,
            "data-non-user-id": r.nonUserId, "data-state": r.state, "data-notice": r.notice},
            h("span", {class: "receipt-name"}, r.name), " – ", parts.join(", "));
    }

    function answerArea(message) {
        if (!message.choices || message.choices.length === 0) {
            return null;
        }
        if (isMine(message, me)) {
            return h("ol", {class: "choice-list", "aria-label": "Answer choices"},
                message.choices.map((c) => h("li", {}, c)));
        }
        if (message.response !== null && message.response !== undefined) {
            return h("p", {class: "answered", id: "answered-" + message.id},
                "You answered “" + message.choices[message.response] + "”.");
        }
        const group = h("div", {class: "answer-buttons", role: "group", "aria-label": "Answer"},
            message.choices.map((choice, index) => {
                const button = h("button", {type: "button", class: "button", "data-choice": index}, choice);
                button.addEventListener("click", async () => {
                    for (const b of group.querySelectorAll("button")) {
                        b.disabled = true;
                    }
                    try {
                        upsert(await api.post("messages/" + message.id + "/response", {choice: index}));
                        const answered = document.getElementById("answered-" + message.id);
                        if (answered) {
                            answered.setAttribute("tabindex", "-1");
                            answered.focus();
                        }
                    } catch (error) {
                        for (const b of group.querySelectorAll("button")) {
                            b.disabled = false;
                        }
                        showAlert(box, error.status === 409 ? "This message was answered already."
                            : error.status === 404 ? "This message has expired." : "The answer was not sent: " + error.message);
                        if (error.status === 409 || error.status === 404) {
                            reload();
                        }
                    }
                });
                return button;
            }));
        return group;
    }

    function item(message) {
        const mine = isMine(message, me);
        const high = message.priority === "HIGH";
        const nonUser = !message.sender && message.nonUserSender;
        return h("li", {class: "message" + (mine ? " mine" : "") + (high ? " high" : ""), id: "message-" + message.id,
            "data-message-id": message.id},
        h("div", {class: "message-head"},
            h("span", {class: "sender"}, mine ? "You" : nonUser ? nonUser.address : message.sender.name),
            nonUser ? h("span", {class: "sender-org"}, "no Carebridge account") : mine
                || message.sender.organizationId === session.session().organization.id ? null
                : h("span", {class: "sender-org"}, message.sender.organizationName),
            high ? h("span", {class: "tag high"}, "High priority") : null,
            h("time", {datetime: message.sentAt}, shortTime(message.sentAt))),
        message.contentRemoved ? h("p", {class: "text removed"}, "The content of this message was removed (retention period).")
            : h("p", {class: "text"}, message.text),
        answerArea(message),
        mine && message.recipients ? h("ul", {class: "receipts", "aria-label": "Delivery"},
            message.recipients.map((r) => recipientLine(r, message))) : null,
        h("p", {class: "expires"}, "Expires " + dateTime(message.expiresAt)));
    }

    // What each message was last drawn from: only new or changed messages are rebuilt, so the live
    // log announces what is new (or newly read/answered), not the whole conversation again.
    const drawn = new Map();

    function draw() {
        const ordered = [...messages.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id - b.id);
        const present = new Set(ordered.map((m) => m.id));
        for (const [id, entry] of drawn) {
            if (!present.has(id)) {
                entry.element.remove();
                drawn.delete(id);
            }
        }
        let previous = null;
        for (const message of ordered) {
            let entry = drawn.get(message.id);
            const signature = JSON.stringify(message);
            if (!entry || entry.signature !== signature) {
                const element = item(message);
                if (entry) {
                    entry.element.replaceWith(element);
                }
                entry = {element, signature};
                drawn.set(message.id, entry);
            }
            const expected = previous ? previous.nextSibling : log.firstChild;
            if (entry.element !== expected) {
                log.insertBefore(entry.element, expected);
            }
            previous = entry.element;
        }
        earlier.hidden = !olderCursor;
    }

    function scheduleExpiry(message) {
        clearTimeout(expiryTimers.get(message.id));
        const wait = new Date(message.expiresAt).getTime() - Date.now();
        // Hidden on this browser's clock too, as the API asks; the server's expired event also removes it.
        if (wait <= 0) {
            remove(message.id);
        } else if (wait < 2 ** 31 - 1) {
            expiryTimers.set(message.id, setTimeout(() => remove(message.id), wait));
        }
    }

    function remove(id) {
        clearTimeout(expiryTimers.get(id));
        expiryTimers.delete(id);
        if (messages.delete(id)) {
            draw();
        }
    }

    function upsert(message) {
        if (message.expired) {
            remove(message.id);
            return;
        }
        messages.set(message.id, mergedMessage(messages.get(message.id), message));
        applyEarlyChanges(message.id);
        scheduleExpiry(message);
        draw();
        markRead([messages.get(message.id)]);
    }

    /** Tells the server the user has seen others' messages, while the page is visible. */
    async function markRead(candidates) {
        if (document.visibilityState !== "visible") {
            return;
        }
        const ids = candidates.filter((m) => !isMine(m, me) && m.state !== "READ" && !m.expired).map((m) => m.id);
        if (ids.length === 0) {
            return;
        }
        for (const id of ids) {
            const m = messages.get(id);
            if (m) {
                m.state = "READ";
            }
        }
        try {
            await api.post("conversations/" + conversationId + "/read", {messageIds: ids});
        } catch (error) {
            for (const id of ids) {
                const m = messages.get(id);
                if (m) {
                    m.state = "DELIVERED";
                }
            }
        }
    }

    async function loadHeader() {
        try {
            const conversation = await api.get("conversations/" + conversationId);
            const nonUsers = conversation.nonUsers || [];
            const name = conversationTitle(conversation.participants, nonUsers);
            title.textContent = name;
            document.title = name + " · Carebridge";
            const orgs = [...new Set(conversation.participants.map((p) => p.organizationName))];
            who.textContent = conversation.participants.length + nonUsers.length + " people · " + orgs.join(", ")
                + (nonUsers.length === 0 ? "" : " · " + nonUsers.length + " without an account, by e-mail or text message");
        } catch (error) {
            if (error.status === 404) {
                replace(main, h("section", {class: "page"}, h("h1", {}, "Conversation not found"),
                    h("p", {}, "It does not exist, is not yours, or all its messages have expired."),
                    h("p", {}, h("a", {href: "#/conversations"}, "All messages"))));
                focusHeading(main);
            }
        }
    }

    async function loadPage(before) {
        const parameters = new URLSearchParams({limit: "50"});
        if (before) {
            parameters.set("before", before);
        }
        try {
            const page = await api.get("conversations/" + conversationId + "/messages?" + parameters);
            // Merged with what events said meanwhile: the page may have been read before them.
            const known = new Map(messages);
            if (!before) {
                messages.clear();
            }
            for (const message of page.messages) {
                messages.set(message.id, mergedMessage(known.get(message.id), message));
                applyEarlyChanges(message.id);
                scheduleExpiry(message);
            }
            olderCursor = page.olderCursor || null;
            draw();
            markRead(page.messages.map((m) => messages.get(m.id)).filter(Boolean));
        } catch (error) {
            if (error.status !== 401 && error.status !== 404) {
                showAlert(box, error.status === 0 ? "Messages could not be loaded: no connection. They will refresh "
                    + "when the connection is back." : "Messages could not be loaded: " + error.message);
            }
        }
    }

    function reload() {
        loadPage(null);
    }

    function ours(payload) {
        return payload && payload.conversationId === conversationId;
    }

    // Receipts and answers for a message not on the page yet (its page or send answer still on the
    // way): applied when it arrives, so they are not lost. Bounded: a message that never comes
    // (an older page not shown) must not make this grow.
    const earlyChanges = new Map();

    function updateMessage(id, change) {
        const message = messages.get(id);
        if (message) {
            change(message);
            draw();
        } else if (earlyChanges.size < 200 || earlyChanges.has(id)) {
            earlyChanges.set(id, [...(earlyChanges.get(id) || []), change]);
        }
    }

    function applyEarlyChanges(id) {
        const changes = earlyChanges.get(id);
        earlyChanges.delete(id);
        (changes || []).forEach((change) => change(messages.get(id)));
    }

    earlier.addEventListener("click", () => loadPage(olderCursor));
    const onVisible = () => markRead([...messages.values()]);
    document.addEventListener("visibilitychange", onVisible);
    const removals = [
        app.subscribe("message", (p) => ours(p) && upsert(p)),
        app.subscribe("expired", (p) => ours(p) && remove(p.messageId)),
        app.subscribe("receipt", (p) => ours(p) && updateMessage(p.messageId, (m) => {
            if (m.recipients) {
                const r = recipientOf(m, p);
                if (r) {
                    Object.assign(r, mergedRecipient(r, Object.assign({}, r,
                        {state: p.state, deliveredAt: p.deliveredAt, readAt: p.readAt})));
                }
            } else if (p.recipientId === me) {
                m.state = further(m.state, p.state);
            }
        })),
        app.subscribe("response", (p) => ours(p) && updateMessage(p.messageId, (m) => {
            if (m.recipients) {
                const r = recipientOf(m, p);
                if (r) {
                    Object.assign(r, {response: p.response, respondedAt: p.respondedAt});
                }
            }
            if (p.recipientId === me) {
                m.response = p.response;
            }
        })),
        // "ready" starts every socket connection: catch up on anything that arrived while none was open.
        app.subscribe("ready", reload),
        app.subscribe("resync", reload)
    ];
    loadHeader();
    loadPage(null);
    focusHeading(main);
    return () => {
        removals.forEach((r) => r());
        document.removeEventListener("visibilitychange", onVisible);
        expiryTimers.forEach((t) => clearTimeout(t));
    };
}

/** Starting a conversation with a directory entry (person, group or the whole organization). */
export function renderNewConversation(main, app, kind, id) {
    const known = app.recipientName(kind, id);
    const name = known || (kind === "organization" ? "your whole organization" : kind === "group" ? "this group" : "this person");
    const to = kind === "organization" ? {organization: true}
        : kind === "group" ? {groups: [id]} : {users: [id]};
    const compose = composer({
        idPrefix: "new", label: "Message",
        send: async (draft) => {
            try {
                const answer = await api.post("conversations", {to, ...draft});
                location.hash = "#/conversations/" + answer.conversation.id;
            } catch (error) {
                if (error.is("recipient-not-reachable")) {
                    error.message = name + " can no longer be reached from your directory.";
                }
                throw error;
            }
        }
    });
    replace(main, h("section", {class: "page", "aria-labelledby": "new-title"},
        h("p", {class: "back"}, h("a", {href: "#/directory"}, "← Directory")),
        h("h1", {id: "new-title"}, "New message to " + name),
        kind === "organization" ? h("p", {class: "alert info"}, "Everyone in your organization receives this message.")
            : kind === "group" ? h("p", {class: "alert info"}, "Everyone in the group receives this message.") : null,
        compose.form));
    document.title = "New message · Carebridge";
    compose.focus();
    return () => {};
}

/**
 * Writing to people without a Carebridge account, where the organization allows it: e-mail
 * addresses and mobile numbers (several separated by commas). They get a mail or text message
 * without the content, with a link that opens the message once; the server checks every address.
 */
export function renderNewNonUserConversation(main) {
    document.title = "Message by e-mail or text · Carebridge";
    if (!session.session().organization.nonUserMessaging) {
        replace(main, h("section", {class: "page", "aria-labelledby": "new-title"},
            h("p", {class: "back"}, h("a", {href: "#/conversations"}, "← All messages")),
            h("h1", {id: "new-title"}, "Message by e-mail or text"),
            h("p", {class: "alert info", id: "non-users-off"},
                "Your organization does not allow messages to people without a Carebridge account.")));
        focusHeading(main);
        return () => {};
    }
    const to = field("To: e-mail addresses or mobile numbers", {type: "text", id: "new-non-user-to",
        autocomplete: "off", spellcheck: "false"},
    "For example pat.lee@example.org or (508) 555-0123; outside North America start with + and the country code. "
        + "Separate several with commas.");
    const compose = composer({
        idPrefix: "new", label: "Message",
        send: async (draft) => {
            const entries = to.input.value.split(/[,;]/).map((e) => e.trim()).filter(Boolean);
            if (entries.length === 0) {
                to.input.focus();
                throw Object.assign(new Error("Enter at least one e-mail address or mobile number."), {status: 400});
            }
            const emails = entries.filter((e) => e.includes("@"));
            const mobileNumbers = entries.filter((e) => !e.includes("@"));
            try {
                const answer = await api.post("conversations", {to: {emails, mobileNumbers}, ...draft});
                location.hash = "#/conversations/" + answer.conversation.id;
            } catch (error) {
                if (error.is && error.is("non-users-not-allowed")) {
                    error.message = "Your organization no longer allows messages to people without a Carebridge account.";
                }
                throw error;
            }
        }
    });
    replace(main, h("section", {class: "page", "aria-labelledby": "new-title"},
        h("p", {class: "back"}, h("a", {href: "#/conversations"}, "← All messages")),
        h("h1", {id: "new-title"}, "Message by e-mail or text"),
        h("p", {class: "alert info"}, "They receive a mail or text message with a link, never the message itself. "
            + "The link opens your message once, in their browser, where they can read it and reply."),
        to.row,
        compose.form));
    to.input.focus();
    return () => {};
}

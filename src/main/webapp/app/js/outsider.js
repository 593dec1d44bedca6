// The page a link in a mail or text message opens for someone without a Carebridge account: the
// messages written to them in one conversation, their own replies, answers to multiple-choice
// messages, and a reply box. The session is an HttpOnly cookie the link set; this page never sees
// it. No socket: "Check for new messages" asks again, and every request keeps the page open.

import {h, replace, alertBox, showAlert, focusHeading, dateTime} from "./dom.js";
import {call} from "./api.js";

const OPTIONS = {withCookies: true, quiet: true};
const main = document.getElementById("main");
const who = document.getElementById("who");

function api(method, path, body) {
    return call(method, "outsider/" + path, body, OPTIONS);
}

/** The page after the session ended: nothing of the conversation stays on screen. */
function closed(text) {
    who.textContent = "";
    replace(main, h("section", {class: "page card narrow", "aria-labelledby": "outsider-closed-title"},
        h("h1", {id: "outsider-closed-title"}, "This page has closed"),
        h("p", {id: "outsider-closed-text"}, text),
        h("p", {}, "Each link works once. When you receive a new message, its link opens this page again.")));
    document.title = "Closed · Carebridge";
    focusHeading(main);
}

function failed(error, box) {
    if (error.status === 401) {
        closed(error.message);
    } else {
        showAlert(box, error.status === 0 ? "Carebridge could not be reached. Check your connection and try again."
            : error.message);
    }
}

function render(conversation) {
    const box = alertBox("outsider-error");
    const log = h("ol", {class: "messages", id: "outsider-messages", "aria-label": "Messages", "aria-live": "polite"});
    const closes = h("p", {class: "hint", id: "outsider-closes"});
    const refresh = h("button", {type: "button", class: "button", id: "outsider-refresh"}, "Check for new messages");
    const leave = h("button", {type: "button", class: "button quiet", id: "outsider-leave"}, "Leave");
    const text = h("textarea", {id: "outsider-reply-text", rows: 3, maxlength: 4000, required: true});
    const send = h("button", {type: "submit", class: "button primary", id: "outsider-send"}, "Send reply");
    const form = h("form", {class: "composer", novalidate: true, "aria-label": "Reply"},
        h("div", {class: "field"}, h("label", {for: "outsider-reply-text"}, "Your reply"), text,
            h("p", {class: "hint"}, "Everyone in this conversation at " + conversation.organizationName
                + " receives it.")),
        h("div", {class: "actions"}, send));
    let clientMessageId = null;

    function showCloses(c) {
        closes.textContent = "This page closes after " + c.idleMinutes + " minutes without activity (now at "
            + dateTime(c.closesAt) + ").";
    }

    function answerArea(message) {
        if (message.mine || !message.choices || message.choices.length === 0) {
            return null;
        }
        if (message.response !== null && message.response !== undefined) {
            return h("p", {class: "answered", id: "answered-" + message.id},
                "You answered “" + message.choices[message.response] + "”.");
        }
        const group = h("div", {class: "answer-buttons", role: "group", "aria-label": "Answer"},
            message.choices.map((choice, index) => {
                const button = h("button", {type: "button", class: "button", "data-choice": index}, choice);
                button.addEventListener("click", async () => {
                    group.querySelectorAll("button").forEach((b) => { b.disabled = true; });
                    try {
                        const answered = await api("POST", "messages/" + message.id + "/response", {choice: index});
                        log.querySelector("#message-" + message.id).replaceWith(item(answered));
                    } catch (error) {
                        group.querySelectorAll("button").forEach((b) => { b.disabled = false; });
                        failed(error, box);
                    }
                });
                return button;
            }));
        return group;
    }

    function item(message) {
        const high = message.priority === "HIGH";
        return h("li", {class: "message" + (message.mine ? " mine" : "") + (high ? " high" : ""),
            id: "message-" + message.id, "data-message-id": message.id},
        h("div", {class: "message-head"},
            h("span", {class: "sender"}, message.from),
            message.fromOrganization ? h("span", {class: "sender-org"}, message.fromOrganization) : null,
            high ? h("span", {class: "tag high"}, "High priority") : null,
            h("time", {datetime: message.sentAt}, dateTime(message.sentAt))),
        message.contentRemoved ? h("p", {class: "text removed"}, "The content of this message was removed.")
            : h("p", {class: "text"}, message.text),
        answerArea(message),
        h("p", {class: "expires"}, "Available until " + dateTime(message.expiresAt)));
    }

    function draw(c) {
        showCloses(c);
        replace(log, c.messages.map(item));
        if (c.messages.length === 0) {
            log.append(h("li", {class: "empty"}, "No messages to show: they may have expired."));
        }
    }

    async function markRead(messages) {
        const ids = messages.filter((m) => !m.mine && !m.read).map((m) => m.id);
        if (ids.length > 0) {
            try {
                await api("POST", "read", {messageIds: ids});
            } catch (error) {
                failed(error, box);
            }
        }
    }

    async function reload() {
        try {
            const c = await api("GET", "conversation");
            draw(c);
            markRead(c.messages);
        } catch (error) {
            failed(error, box);
        }
    }

    text.addEventListener("input", () => {
        clientMessageId = null;
    });
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const body = text.value.trim();
        if (!body) {
            showAlert(box, "Write a reply first.");
            text.focus();
            return;
        }
        // The same id on a retry: a reply sent twice by accident is stored once.
        clientMessageId = clientMessageId || crypto.randomUUID();
        send.disabled = true;
        try {
            await api("POST", "messages", {clientMessageId, text: body});
            clientMessageId = null;
            text.value = "";
            box.hidden = true;
            await reload();
            text.focus();
        } catch (error) {
            failed(error, box);
        } finally {
            send.disabled = false;
        }
    });
    refresh.addEventListener("click", reload);
    leave.addEventListener("click", async () => {
        try {
            await api("DELETE", "session");
        } catch (error) {
            // Leaving works locally whatever the server answered: the page is cleared below.
        }
        closed("You left the page. Nothing of the conversation stays in this browser.");
    });

    who.textContent = conversation.you;
    replace(main, h("section", {class: "page conversation-page", "aria-labelledby": "outsider-title"},
        h("h1", {id: "outsider-title"}, "Secure message from " + conversation.organizationName),
        closes, box, log, form,
        h("div", {class: "actions"}, refresh, leave)));
    document.title = "Secure message · Carebridge";
    draw(conversation);
    markRead(conversation.messages);
    focusHeading(main);
}

document.getElementById("skip").addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
});

(async () => {
    try {
        render(await api("GET", "conversation"));
    } catch (error) {
        if (error.status === 401) {
            closed(error.message);
        } else {
            replace(main, h("section", {class: "page card narrow"}, h("h1", {}, "Your message could not be loaded"),
                h("p", {}, error.status === 0 ? "Carebridge could not be reached. Check your connection and reload."
                    : error.message)));
        }
    }
})();

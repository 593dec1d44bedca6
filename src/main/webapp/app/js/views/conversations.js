// The conversation list: newest activity first, unread counts, high priority marked.

import {h, replace, alertBox, showAlert, focusHeading} from "../dom.js";
import * as api from "../api.js";
import * as session from "../session.js";

/**
 * "Dr. Jane Doe, MD and pat@example.org" – the other participants of a conversation: users by
 * name, people without an account (nonUsers) by the address they were written to.
 */
export function conversationTitle(participants, nonUsers = []) {
    const me = session.session().user.id;
    const others = participants.filter((p) => p.id !== me).map((p) => p.name)
        .concat((nonUsers || []).map((n) => n.address));
    if (others.length === 0) {
        return "Only you";
    }
    if (others.length <= 3) {
        return others.length === 1 ? others[0] : others.slice(0, -1).join(", ") + " and " + others[others.length - 1];
    }
    return others.slice(0, 3).join(", ") + " and " + (others.length - 3) + " others";
}

export function shortTime(iso) {
    const date = new Date(iso);
    const today = new Date();
    return date.toDateString() === today.toDateString()
        ? date.toLocaleTimeString(undefined, {timeStyle: "short"})
        : date.toLocaleString(undefined, {dateStyle: "medium", timeStyle: "short"});
}

export function renderConversations(main, app) {
    const box = alertBox("conversations-error");
    const list = h("ul", {class: "conversations", id: "conversation-list"});
    const empty = h("p", {class: "empty", id: "conversations-empty", hidden: true},
        "No conversations yet. Find someone in the directory and choose Message.");
    const more = h("button", {type: "button", class: "button", id: "conversations-more", hidden: true}, "Show older conversations");
    replace(main, h("section", {class: "page", "aria-labelledby": "conversations-title"},
        h("div", {class: "page-head"}, h("h1", {id: "conversations-title"}, "Messages"),
            h("div", {class: "actions"},
                session.session().organization.nonUserMessaging
                    ? h("a", {href: "#/new/non-user", class: "button", id: "new-non-user-conversation"},
                        "Message by e-mail or text") : null,
                h("a", {href: "#/directory", class: "button primary", id: "new-conversation"}, "New message"))),
        box, empty, list, more));

    let conversations = [];
    let nextCursor = null;
    let reloadTimer = null;

    function row(c) {
        const title = conversationTitle(c.participants, c.nonUsers);
        const preview = c.lastMessage
            ? (c.lastMessage.text === null || c.lastMessage.text === undefined ? "(content removed)"
                : c.lastMessage.senderName + ": " + c.lastMessage.text)
            : "";
        const label = title + (c.unread ? ", " + c.unread + " unread" : "") + (c.highPriorityUnread ? ", high priority" : "");
        return h("li", {class: "conversation" + (c.unread ? " unread" : "") + (c.highPriorityUnread ? " high" : ""),
            id: "conversation-" + c.id},
        h("a", {href: "#/conversations/" + c.id, "aria-label": label},
            h("span", {class: "conversation-top"},
                h("span", {class: "conversation-title"}, title),
                h("time", {datetime: c.lastMessageAt}, shortTime(c.lastMessageAt))),
            h("span", {class: "conversation-bottom"},
                h("span", {class: "preview"}, preview),
                c.highPriorityUnread ? h("span", {class: "tag high", "data-high": "true"}, "High priority") : null,
                c.unread ? h("span", {class: "badge", "data-unread": c.unread}, String(c.unread)) : null)));
    }

    function draw() {
        replace(list, conversations.map(row));
        empty.hidden = conversations.length > 0;
        more.hidden = !nextCursor;
        app.setUnread(conversations.reduce((sum, c) => sum + c.unread, 0));
    }

    async function load(append) {
        const parameters = new URLSearchParams({limit: "30"});
        if (append && nextCursor) {
            parameters.set("cursor", nextCursor);
        }
        try {
            const page = await api.get("conversations?" + parameters);
            conversations = append ? conversations.concat(page.conversations) : page.conversations;
            nextCursor = page.nextCursor || null;
            box.hidden = true;
            draw();
        } catch (error) {
            if (error.status !== 401) {
                showAlert(box, error.status === 0 ? "Messages could not be loaded: no connection. They will refresh "
                    + "when the connection is back." : "Messages could not be loaded: " + error.message);
            }
        }
    }

    function reloadSoon() {
        clearTimeout(reloadTimer);
        reloadTimer = setTimeout(() => load(false), 200);
    }

    more.addEventListener("click", () => load(true));
    const removals = ["message", "expired", "receipt", "response", "ready", "resync"].map((type) =>
        app.subscribe(type, reloadSoon));
    load(false);
    focusHeading(main);
    return () => {
        removals.forEach((remove) => remove());
        clearTimeout(reloadTimer);
    };
}

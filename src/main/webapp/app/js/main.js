// The web client's controller: which screen shows (sign-in, temporary PIN, lock, or the signed-in
// pages by #/route), the event socket and its "reconnecting" banner, and the inactivity lock.
// It talks to the server only through the public client API (api.js, events.js).

import {h, replace} from "./dom.js";
import * as api from "./api.js";
import * as session from "./session.js";
import {EventSocket} from "./events.js";
import {Inbox} from "./inbox.js";
import * as notify from "./notify.js";
import {callButton} from "./calls.js";
import {renderSignIn, renderLock, renderTemporaryPin} from "./views/signin.js";
import {renderDirectory} from "./views/directory.js";
import {renderProfile, profileName} from "./views/profile.js";
import {renderConversations} from "./views/conversations.js";
import {renderConversation, renderNewConversation, renderNewNonUserConversation} from "./views/conversation.js";

const DEFAULT_LOCK_SECONDS = 10 * 60;
const LOCK_SETTING = "carebridge.lockAfterSeconds";

const main = document.getElementById("main");
const top = document.getElementById("top");
const who = document.getElementById("who");
const banner = document.getElementById("connection");

const unreadBadge = document.getElementById("unread-count");

// #/conversations, #/conversations/<id>, #/new/<user|group|organization>/<id>, #/new/non-user, #/directory, #/profile
const routes = [
    {pattern: /^#\/new\/non-user$/, nav: "conversations", render: renderNewNonUserConversation},
    {pattern: /^#\/conversations\/(\d+)$/, nav: "conversations", render: (m, a, id) => renderConversation(m, a, Number(id))},
    {pattern: /^#\/new\/(user|group|organization)\/(\d+)$/, nav: "directory",
        render: (m, a, kind, id) => renderNewConversation(m, a, kind, Number(id))},
    {pattern: /^#\/conversations$/, nav: "conversations", title: "Messages", render: renderConversations},
    {pattern: /^#\/directory$/, nav: "directory", title: "Directory", render: renderDirectory},
    {pattern: /^#\/profile$/, nav: "profile", title: "Your profile", render: renderProfile}
];

let leaveView = () => {};
let signedIn = false;
const subscribers = new Map();

/** Registers a handler for socket events of {@code type} (or "reconnected"); returns its removal. */
function subscribe(type, handler) {
    if (!subscribers.has(type)) {
        subscribers.set(type, new Set());
    }
    subscribers.get(type).add(handler);
    return () => subscribers.get(type).delete(handler);
}

function publish(type, payload) {
    for (const handler of subscribers.get(type) || []) {
        handler(payload);
    }
}

const socket = new EventSocket({
    onEvent: (envelope) => inbox.handle(envelope),
    onState: showConnection,
    onReconnected: () => publish("reconnected"),
    after: () => inbox.after()
});

const inbox = new Inbox({publish, send: (frame) => socket.send(frame)});

// New messages from others: a notification while the tab is hidden (never the text), and the unread count.
subscribe("message", (payload) => {
    const current = session.session();
    const fromOthers = payload.sender ? payload.sender.id !== (current && current.user.id) : !!payload.nonUserSender;
    if (current && !payload.expired && fromOthers) {
        notify.newMessage({
            conversationId: payload.conversationId,
            highPriority: payload.priority === "HIGH",
            onOpen: () => {
                location.hash = "#/conversations/" + payload.conversationId;
            }
        });
    }
    refreshUnreadSoon();
});
for (const type of ["expired", "ready", "resync"]) {
    subscribe(type, () => refreshUnreadSoon());
}
subscribe("receipt", (payload) => {
    const current = session.session();
    if (current && payload.recipientId === current.user.id) {
        refreshUnreadSoon();
    }
});

let unreadTimer = null;

function setUnread(count) {
    unreadBadge.hidden = !count;
    unreadBadge.textContent = count ? String(count) : "";
    unreadBadge.setAttribute("aria-label", count + " unread");
}

function refreshUnreadSoon() {
    clearTimeout(unreadTimer);
    unreadTimer = setTimeout(async () => {
        if (!signedIn) {
            return;
        }
        try {
            const page = await api.get("conversations?limit=100");
            setUnread(page.conversations.reduce((sum, c) => sum + c.unread, 0));
        } catch (error) {
            // The count stays as it was; the next event or page load refreshes it.
        }
    }, 300);
}

// Names of directory entries chosen for a new message, for the compose page's heading.
const recipientNames = new Map();

let bannerTimer = null;

function showConnection(state) {
    clearTimeout(bannerTimer);
    banner.dataset.state = state;
    if (state === "reconnecting") {
        banner.className = "connection visible warning";
        replace(banner, h("span", {class: "spinner", "aria-hidden": "true"}),
            "Connection lost. Reconnecting… Updates will appear again once connected.");
    } else if (state === "open" && banner.classList.contains("warning")) {
        banner.className = "connection visible ok";
        replace(banner, "Connected again.");
        bannerTimer = setTimeout(() => {
            banner.className = "connection";
            replace(banner);
        }, 4000);
    } else if (state !== "open") {
        banner.className = "connection";
        replace(banner);
    }
}

const app = {
    subscribe,
    onWipe: wiped,
    socket,
    setUnread,
    recipientName: (kind, id) => recipientNames.get(kind + ":" + id),
    actions: (entry) => {
        const person = entry.kind === "native" || entry.kind === "external";
        const kind = person ? "user" : entry.kind;
        const message = h("a", {href: "#/new/" + kind + "/" + entry.id, class: "button message-button",
            onclick: () => recipientNames.set(kind + ":" + entry.id, entry.name),
            "aria-label": "Message " + (entry.kind === "organization" ? "everyone at " : "") + entry.name}, "Message");
        return person ? [message, callButton(entry)] : message;
    }
};

function showRoute() {
    if (!signedIn) {
        return;
    }
    const route = routes.find((r) => r.pattern.test(location.hash));
    if (!route) {
        history.replaceState(null, "", "#/conversations");
        showRoute();
        return;
    }
    leaveView();
    const match = route.pattern.exec(location.hash);
    for (const link of document.querySelectorAll(".nav a")) {
        const active = link.getAttribute("href") === "#/" + route.nav;
        link.classList.toggle("active", active);
        if (active) {
            link.setAttribute("aria-current", "page");
        } else {
            link.removeAttribute("aria-current");
        }
    }
    if (route.title) {
        document.title = route.title + " · Carebridge";
    }
    leaveView = route.render(main, app, ...match.slice(1)) || (() => {});
}

function enter(answer, enteredPin) {
    if (answer.pinTemporary) {
        showShell(false);
        renderTemporaryPin(main, {
            knownCurrentPin: enteredPin,
            onChanged: () => enter({...session.session(), pinTemporary: false}),
            onSignOut: () => signOut("You have signed out."),
            onWipe: wiped
        });
        document.title = "Choose your own PIN · Carebridge";
        return;
    }
    signedIn = true;
    showShell(true);
    replace(who, h("span", {class: "who-name"}, profileName(answer.user)), " · ",
        h("span", {class: "who-org"}, answer.organization.name));
    inbox.reset(answer.user.id);
    socket.start();
    idle.start();
    refreshUnreadSoon();
    if (!location.hash.startsWith("#/")) {
        history.replaceState(null, "", "#/conversations");
    }
    showRoute();
}

function showShell(visible) {
    top.hidden = !visible;
}

function leave() {
    signedIn = false;
    leaveView();
    leaveView = () => {};
    socket.stop();
    inbox.reset(null);
    idle.stop();
    setUnread(0);
    showShell(false);
}

function showSignIn(notice) {
    leave();
    document.title = "Sign in · Carebridge";
    renderSignIn(main, {notice, onSignedIn: enter, onWipe: wiped});
}

async function signOut(notice) {
    leave();
    await session.signOut();
    showSignIn(notice);
}

async function wiped(problem) {
    leave();
    await session.wipe(problem);
    showSignIn("At your administrator's request, Carebridge removed its data from this browser and signed you out.");
}

api.onSessionProblem((error) => {
    if (error.is("device-wipe")) {
        wiped(error.problem);
    } else if (error.is("pin-change-required")) {
        leave();
        renderTemporaryPin(main, {
            onChanged: () => enter({...session.session(), pinTemporary: false}),
            onSignOut: () => signOut("You have signed out."),
            onWipe: wiped
        });
    } else if (signedIn || api.hasToken()) {
        leave();
        session.forget();
        showSignIn("Your session has ended (it expired, was signed out elsewhere, or an administrator ended it). "
            + "Sign in again to continue.");
    }
});

/** Locks after a quiet period; unlocking is a fresh sign-in with the PIN, so the old token is ended at once. */
const idle = {
    timer: null,
    last: Date.now(),
    seconds() {
        const configured = Number(localStorage.getItem(LOCK_SETTING));
        return Number.isFinite(configured) && configured >= 5 ? configured : DEFAULT_LOCK_SECONDS;
    },
    touch() {
        idle.last = Date.now();
    },
    start() {
        idle.touch();
        clearInterval(idle.timer);
        idle.timer = setInterval(() => {
            if (Date.now() - idle.last >= idle.seconds() * 1000) {
                lock();
            }
        }, 1000);
    },
    stop() {
        clearInterval(idle.timer);
    }
};

for (const type of ["pointerdown", "keydown", "wheel", "touchstart", "mousemove"]) {
    window.addEventListener(type, idle.touch, {passive: true, capture: true});
}

async function lock() {
    const current = session.session();
    if (!current) {
        return;
    }
    const seconds = idle.seconds();
    const idleText = seconds >= 120 ? Math.round(seconds / 60) + " minutes" : seconds + " seconds";
    leave();
    const email = current.email;
    const name = profileName(current.user);
    await session.signOut();
    document.title = "Locked · Carebridge";
    renderLock(main, {
        email, name, idleMinutes: idleText,
        onUnlocked: enter,
        onSwitchUser: () => showSignIn(null),
        onWipe: wiped
    });
}

document.getElementById("signout").addEventListener("click", () => signOut("You have signed out."));
document.getElementById("skip").addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
});
window.addEventListener("hashchange", showRoute);

async function start() {
    const restored = session.restore();
    if (!restored) {
        showSignIn(null);
        return;
    }
    try {
        enter(await session.refresh());
    } catch (error) {
        if (error.status === 0) {
            enter(restored);
        } else if (!error.is("invalid-token") && !error.is("pin-change-required") && !error.is("device-wipe")) {
            showSignIn(null);
        }
    }
}

start();

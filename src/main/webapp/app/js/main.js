// The web client's controller: which screen shows (sign-in, temporary PIN, lock, or the signed-in
// pages by #/route), the event socket and its "reconnecting" banner, and the inactivity lock.
// It talks to the server only through the public client API (api.js, events.js).

import {h, replace} from "./dom.js";
import * as api from "./api.js";
import * as session from "./session.js";
import {EventSocket} from "./events.js";
import {renderSignIn, renderLock, renderTemporaryPin} from "./views/signin.js";
import {renderDirectory} from "./views/directory.js";
import {renderProfile, profileName} from "./views/profile.js";

const DEFAULT_LOCK_SECONDS = 10 * 60;
const LOCK_SETTING = "carebridge.lockAfterSeconds";

const main = document.getElementById("main");
const top = document.getElementById("top");
const who = document.getElementById("who");
const banner = document.getElementById("connection");

const routes = {
    "directory": renderDirectory,
    "profile": renderProfile
};

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
    onEvent: (envelope) => publish(envelope.type, envelope.payload),
    onState: showConnection,
    onReconnected: () => publish("reconnected")
});

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
    socket
};

function routeName() {
    const match = /^#\/([a-z-]+)/.exec(location.hash);
    return match && routes[match[1]] ? match[1] : "directory";
}

function showRoute() {
    if (!signedIn) {
        return;
    }
    leaveView();
    const name = routeName();
    for (const link of document.querySelectorAll(".nav a")) {
        const active = link.getAttribute("href") === "#/" + name;
        link.classList.toggle("active", active);
        if (active) {
            link.setAttribute("aria-current", "page");
        } else {
            link.removeAttribute("aria-current");
        }
    }
    document.title = (name === "profile" ? "Your profile" : "Directory") + " · Carebridge";
    leaveView = routes[name](main, app) || (() => {});
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
    socket.start();
    idle.start();
    if (!location.hash.startsWith("#/")) {
        history.replaceState(null, "", "#/directory");
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
    idle.stop();
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

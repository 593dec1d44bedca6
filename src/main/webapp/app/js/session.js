// The signed-in session in this browser tab: the device key (one per browser, kept in
// localStorage), the session answer (kept in sessionStorage so a reload stays signed in and
// closing the tab forgets it), sign-in, PIN re-verification and sign-out. PINs are never stored.

import * as api from "./api.js";

const DEVICE_KEY = "carebridge.deviceKey";
const SESSION = "carebridge.session";
const LAST_EMAIL = "carebridge.lastEmail";

/** This browser's device key: a random UUID chosen once, as the API asks. */
export function deviceKey() {
    let key = localStorage.getItem(DEVICE_KEY);
    if (!key) {
        key = crypto.randomUUID();
        localStorage.setItem(DEVICE_KEY, key);
    }
    return key;
}

/** A readable device name for the user's device list, e.g. "Web browser (Chrome on Linux)". */
function deviceName() {
    const ua = navigator.userAgent;
    const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox"
        : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "browser";
    const system = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android"
        : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
    return "Web browser (" + browser + (system ? " on " + system : "") + ")";
}

let current = null;

/** The session answer ({user, organization, pinTemporary, ...}) or null. */
export function session() {
    return current;
}

/** The address last signed in with in this browser, to fill the sign-in form. */
export function lastEmail() {
    return localStorage.getItem(LAST_EMAIL) || "";
}

/** Restores the tab's session after a reload; the server still decides whether the token is good. */
export function restore() {
    const saved = sessionStorage.getItem(SESSION);
    if (!saved) {
        return null;
    }
    try {
        current = JSON.parse(saved);
        api.setToken(current.accessToken);
        return current;
    } catch (e) {
        forget();
        return null;
    }
}

function keep(answer, email) {
    current = {...answer, email};
    sessionStorage.setItem(SESSION, JSON.stringify(current));
    localStorage.setItem(LAST_EMAIL, email);
    api.setToken(answer.accessToken);
}

/**
 * Signs in (also used to re-verify the PIN after an inactivity lock: a new sign-in on the same
 * device ends the device's earlier session). Throws api.ApiError.
 */
export async function signIn(email, pin) {
    const answer = await api.post("session", {
        email,
        pin,
        device: {deviceKey: deviceKey(), platform: "web", name: deviceName()}
    }, {quiet: true, withoutToken: true});
    keep(answer, email);
    return current;
}

/** Reloads the session answer (user, organization) from the server. */
export async function refresh() {
    const answer = await api.get("session");
    current = {...current, ...answer, accessToken: current.accessToken};
    sessionStorage.setItem(SESSION, JSON.stringify(current));
    return current;
}

export async function changePin(currentPin, newPin) {
    await api.put("session/pin", {currentPin, newPin}, {quiet: true});
    current = {...current, pinTemporary: false};
    sessionStorage.setItem(SESSION, JSON.stringify(current));
}

/** Ends the session on the server (if it still exists) and forgets it here. */
export async function signOut() {
    if (api.hasToken()) {
        try {
            await api.del("session", {quiet: true});
        } catch (e) {
            // Already ended or unreachable: forgetting it here is what matters to the user.
        }
    }
    forget();
}

/** Forgets the session in this tab without asking the server. */
export function forget() {
    current = null;
    api.setToken(null);
    sessionStorage.removeItem(SESSION);
}

/**
 * Carries out a remote wipe instruction: removes everything Carebridge keeps in this browser,
 * then confirms with the one-time code (needs no token).
 */
export async function wipe(problem) {
    forget();
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith("carebridge."))) {
        localStorage.removeItem(key);
    }
    sessionStorage.clear();
    if (problem && problem.deviceKey && problem.wipeConfirmation) {
        try {
            await api.post("devices/" + encodeURIComponent(problem.deviceKey) + "/wiped",
                {confirmation: problem.wipeConfirmation}, {quiet: true, withoutToken: true});
        } catch (e) {
            // Nothing left to retry with; the administrator still sees the wipe as requested.
        }
    }
}

// Sign-in, the inactivity lock screen and the forced change of a temporary PIN. The server never
// says whether an address exists or an account is locked, so the texts explain what the rules
// are rather than guess which one applied.

import {h, field, alertBox, showAlert, replace, duration, focusHeading} from "../dom.js";
import * as session from "../session.js";

const PIN_PATTERN = /^\d{4}$/;
const FAILURES = "carebridge.failures";

/** Wrong PINs in a row seen by this tab, to warn before the waits and the lock begin. */
function failuresSeen() {
    return Number(sessionStorage.getItem(FAILURES) || 0);
}

function countFailure() {
    sessionStorage.setItem(FAILURES, String(failuresSeen() + 1));
}

function resetFailures() {
    sessionStorage.removeItem(FAILURES);
}

const LOCKED_HELP = "If the right PIN is refused too, your account may be locked (10 wrong PINs in a row lock it) or "
    + "turned off. Only your organization administrator can unlock it, or send you a PIN reset e-mail.";

/**
 * Shows why a sign-in or unlock was refused. For a wait (429) it counts down, keeps the button
 * disabled until the server will consider the next try, and returns a function that stops the countdown.
 */
function explain(error, box, button, buttonLabel, onWipe) {
    if (error.is("too-many-attempts")) {
        let left = error.retryAfterSeconds || 180;
        button.disabled = true;
        const until = Date.now() + left * 1000;
        const countdown = h("span", {class: "countdown", id: "countdown"}, duration(left));
        replace(box,
            h("strong", {}, "Too many wrong PINs in a row. "),
            "For your security you must wait before the next try. You can try again in ", countdown, ". ",
            "Every wrong PIN from now on starts a new 3-minute wait, and the 10th wrong PIN in a row locks the account "
            + "until your administrator unlocks it.");
        box.className = "alert warning";
        box.hidden = false;
        button.textContent = "Wait";
        const timer = setInterval(() => {
            left = (until - Date.now()) / 1000;
            if (left <= 0) {
                clearInterval(timer);
                button.disabled = false;
                button.textContent = buttonLabel;
                showAlert(box, "You can try again now. Check your PIN carefully: the 10th wrong PIN in a row locks the "
                    + "account.", "info");
            } else {
                countdown.textContent = duration(left);
            }
        }, 1000);
        return () => clearInterval(timer);
    }
    if (error.is("login-failed")) {
        countFailure();
        const seen = failuresSeen();
        const parts = ["The e-mail address or PIN is not right."];
        if (seen >= 3) {
            parts.push(" After 5 wrong PINs in a row you must wait 3 minutes between tries.");
        }
        replace(box, h("strong", {}, parts.join("")), " ", LOCKED_HELP);
        box.className = "alert error";
        box.hidden = false;
    } else if (error.is("device-wipe")) {
        onWipe(error.problem);
    } else if (error.is("invalid-request") || error.is("malformed-body")) {
        showAlert(box, "Enter your e-mail address and your 4-digit PIN.");
    } else if (error.status === 0) {
        showAlert(box, "Carebridge could not be reached. Check your network connection and try again.");
    } else {
        showAlert(box, error.message);
    }
    return () => {};
}

/** The sign-in page. {@code notice} is an information line from an earlier event (signed out, session ended). */
export function renderSignIn(main, {notice, onSignedIn, onWipe}) {
    const box = alertBox("signin-error");
    const info = notice ? h("p", {class: "alert info", id: "notice", role: "status"}, notice) : null;
    const email = field("E-mail address", {type: "email", name: "email", autocomplete: "username", required: true,
        value: session.lastEmail(), id: "email"});
    const pin = field("PIN", {type: "password", name: "pin", inputmode: "numeric", autocomplete: "current-password",
        pattern: "[0-9]{4}", maxlength: "4", required: true, id: "pin"}, "The 4 digits you use in the Carebridge app.");
    const button = h("button", {type: "submit", class: "button primary", id: "signin"}, "Sign in");
    let stopCountdown = () => {};
    const form = h("form", {class: "card narrow", novalidate: true, "aria-labelledby": "signin-title"},
        h("h1", {id: "signin-title"}, "Sign in to Carebridge"),
        h("p", {}, "Secure messaging for your hospital and the practices it works with."),
        info, box, email.row, pin.row,
        h("div", {class: "actions"}, button),
        h("p", {class: "hint"}, "Forgot your PIN? Ask your organization administrator to send you a PIN reset e-mail."));
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const address = email.input.value.trim();
        if (!address || !PIN_PATTERN.test(pin.input.value)) {
            showAlert(box, !address ? "Enter your e-mail address." : "Enter your PIN: 4 digits.");
            (!address ? email.input : pin.input).focus();
            return;
        }
        stopCountdown();
        button.disabled = true;
        try {
            const entered = pin.input.value;
            const answer = await session.signIn(address, entered);
            resetFailures();
            onSignedIn(answer, entered);
        } catch (error) {
            pin.input.value = "";
            button.disabled = false;
            stopCountdown = explain(error, box, button, "Sign in", onWipe);
            pin.input.focus();
        }
    });
    replace(main, form);
    (email.input.value ? pin.input : email.input).focus();
}

/** The inactivity lock: the same person re-enters the PIN (a fresh sign-in with the same device key). */
export function renderLock(main, {email, name, idleMinutes, onUnlocked, onSwitchUser, onWipe}) {
    const box = alertBox("lock-error");
    const pin = field("PIN", {type: "password", name: "pin", inputmode: "numeric", autocomplete: "current-password",
        pattern: "[0-9]{4}", maxlength: "4", required: true, id: "lock-pin"});
    const button = h("button", {type: "submit", class: "button primary", id: "unlock"}, "Unlock");
    let stopCountdown = () => {};
    const form = h("form", {class: "card narrow", novalidate: true, "aria-labelledby": "lock-title"},
        h("h1", {id: "lock-title"}, "Carebridge is locked"),
        h("p", {}, "Nothing was used for " + idleMinutes + ", so Carebridge locked itself to keep patient "
            + "information private. ", h("strong", {}, name), ", enter your PIN to continue."),
        box, pin.row,
        h("div", {class: "actions"}, button,
            h("button", {type: "button", class: "button quiet", id: "switch-user", onclick: onSwitchUser},
                "Sign in as someone else")));
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (!PIN_PATTERN.test(pin.input.value)) {
            showAlert(box, "Enter your PIN: 4 digits.");
            pin.input.focus();
            return;
        }
        stopCountdown();
        button.disabled = true;
        try {
            const entered = pin.input.value;
            const answer = await session.signIn(email, entered);
            resetFailures();
            onUnlocked(answer, entered);
        } catch (error) {
            pin.input.value = "";
            button.disabled = false;
            stopCountdown = explain(error, box, button, "Unlock", onWipe);
            pin.input.focus();
        }
    });
    replace(main, form);
    pin.input.focus();
}

/** Checks a new PIN as the server will, so most mistakes are explained before a round trip. */
export function newPinProblem(currentPin, newPin, repeated) {
    if (!PIN_PATTERN.test(newPin)) {
        return "The new PIN must be exactly 4 digits.";
    }
    if (/^(\d)\1{3}$/.test(newPin)) {
        return "The new PIN cannot be one digit four times (like 5555).";
    }
    if (currentPin && newPin === currentPin) {
        return "The new PIN must be different from the current one.";
    }
    if (newPin !== repeated) {
        return "The two new PINs are not the same. Type the new PIN twice.";
    }
    return null;
}

/**
 * A PIN change form: current PIN (unless {@code knownCurrentPin} is given, right after signing in
 * with a temporary PIN), the new PIN twice. {@code onChanged} runs after the server accepted it.
 */
export function pinChangeForm({knownCurrentPin, onChanged, onWipe, heading, intro, idPrefix = "pin"}) {
    const box = alertBox(idPrefix + "-error");
    const current = knownCurrentPin ? null : field("Current PIN", {type: "password", inputmode: "numeric",
        autocomplete: "current-password", maxlength: "4", required: true, id: idPrefix + "-current"});
    const next = field("New PIN", {type: "password", inputmode: "numeric", autocomplete: "new-password",
        maxlength: "4", required: true, id: idPrefix + "-new"},
        "4 digits, not one digit four times, and not the same as the current PIN.");
    const again = field("New PIN again", {type: "password", inputmode: "numeric", autocomplete: "new-password",
        maxlength: "4", required: true, id: idPrefix + "-repeat"});
    const button = h("button", {type: "submit", class: "button primary", id: idPrefix + "-save"}, "Change PIN");
    let stopCountdown = () => {};
    const form = h("form", {class: "card", novalidate: true},
        heading, intro, box, current ? current.row : null, next.row, again.row, h("div", {class: "actions"}, button));
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const currentPin = knownCurrentPin || current.input.value;
        if (!PIN_PATTERN.test(currentPin)) {
            showAlert(box, "Enter your current PIN: 4 digits.");
            current.input.focus();
            return;
        }
        const problem = newPinProblem(currentPin, next.input.value, again.input.value);
        if (problem) {
            showAlert(box, problem);
            next.input.focus();
            return;
        }
        stopCountdown();
        button.disabled = true;
        try {
            await session.changePin(currentPin, next.input.value);
            for (const f of [current, next, again]) {
                if (f) {
                    f.input.value = "";
                }
            }
            button.disabled = false;
            showAlert(box, "Your PIN has been changed.", "success");
            onChanged();
        } catch (error) {
            button.disabled = false;
            if (error.is("wrong-pin")) {
                showAlert(box, "The current PIN is not right. Wrong PINs here count like wrong PINs at sign-in.");
                if (current) {
                    current.input.value = "";
                    current.input.focus();
                }
            } else if (error.is("invalid-pin")) {
                showAlert(box, error.message);
                next.input.focus();
            } else {
                stopCountdown = explain(error, box, button, "Change PIN", onWipe);
            }
        }
    });
    return form;
}

/** The page a temporary PIN leads to: nothing else is possible until the PIN is changed. */
export function renderTemporaryPin(main, {knownCurrentPin, onChanged, onSignOut, onWipe}) {
    const form = pinChangeForm({
        knownCurrentPin, onChanged, onWipe, idPrefix: "temp",
        heading: h("h1", {}, "Choose your own PIN"),
        intro: h("p", {}, "Your administrator gave you a temporary PIN. Choose a new 4-digit PIN that only you "
            + "know before you continue.")
    });
    form.classList.add("narrow");
    form.querySelector(".actions").append(
        h("button", {type: "button", class: "button quiet", id: "temp-signout", onclick: onSignOut}, "Sign out"));
    replace(main, form);
    focusHeading(main);
}

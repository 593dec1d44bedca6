// Masked calls: the Call button of a person in the directory. The server rings the caller's
// own cell phone first and bridges it to the callee; both see only the organization's voice
// number. The answer never holds a private number, and neither does anything shown here.

import {h, replace} from "./dom.js";
import * as api from "./api.js";

/** What to tell the caller when the server refused, by the problem's type. */
function explain(error, name) {
    if (error.is("no-cell-number")) {
        return "Calls ring your own cell phone first, and your profile has no cell number. Ask your administrator to add it.";
    }
    if (error.is("no-voice-number")) {
        return "Your organization has no voice number yet, so calls cannot be placed. Ask your administrator.";
    }
    if (error.is("no-callee-number")) {
        return name + " has no number Carebridge can ring. Send a message instead.";
    }
    if (error.is("not-found")) {
        return name + " is no longer in your directory.";
    }
    if (error.is("voice-service-unavailable")) {
        return "The voice service did not answer. Try again in a moment.";
    }
    if (error.is("call-refused")) {
        return "The voice service refused the call. Try again later or send a message.";
    }
    return error.message;
}

/** A Call button for a person of the directory, with the line that reports how the request went. */
export function callButton(entry) {
    const note = h("p", {class: "call-result", role: "status", "aria-live": "polite"});
    const button = h("button", {type: "button", class: "button call-button", "aria-label": "Call " + entry.name,
        onclick: async () => {
            button.disabled = true;
            replace(note, "Placing the call…");
            try {
                const call = await api.post("calls", {calleeId: entry.id});
                replace(note, "Your phone rings first; then " + entry.name + " is called. Both of you see "
                    + call.voiceNumber + ", never each other's number.");
            } catch (error) {
                replace(note, error instanceof api.ApiError ? explain(error, entry.name) : String(error));
            } finally {
                button.disabled = false;
            }
        }}, "Call");
    return [button, note];
}

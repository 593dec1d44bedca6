// The signed-in user's own page: who they are, their status, PIN change and their devices.

import {h, replace, alertBox, showAlert, dateTime, focusHeading} from "../dom.js";
import * as api from "../api.js";
import * as session from "../session.js";
import {pinChangeForm} from "./signin.js";
import * as notify from "../notify.js";

const STATUSES = ["Available", "Busy", "Unavailable", "None"];
const STATUS_OF_NAME = {AVAILABLE: "Available", BUSY: "Busy", UNAVAILABLE: "Unavailable", NONE: "None"};

function fullName(user) {
    return [user.title, user.firstName, user.middleName, user.lastName].filter(Boolean).join(" ")
        + (user.credentials ? ", " + user.credentials : "");
}

export function profileName(user) {
    return fullName(user);
}

export function renderProfile(main, app) {
    const current = session.session();
    const user = current.user;
    const statusBox = alertBox("status-message");
    const select = h("select", {id: "status", name: "status"},
        STATUSES.map((s) => h("option", {value: s, selected: (STATUS_OF_NAME[user.status] || user.status) === s},
            s === "None" ? "No status" : s)));
    const statusForm = h("form", {class: "card", id: "status-form"},
        h("h2", {}, "Status"),
        h("p", {}, "Colleagues who can reach you see your status in their directory at once."),
        statusBox,
        h("div", {class: "field inline"}, h("label", {for: "status"}, "Your status"), select,
            h("button", {type: "submit", class: "button primary", id: "status-save"}, "Set status")));
    statusForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        try {
            const answer = await api.put("presence", {status: select.value});
            await session.refresh();
            showAlert(statusBox, "Your status is now " + (answer.status === "None" ? "no status" : answer.status) + ".",
                "success");
        } catch (error) {
            if (error.status !== 401) {
                showAlert(statusBox, "The status could not be set: " + error.message);
            }
        }
    });

    const pinForm = pinChangeForm({
        onChanged: () => {}, onWipe: app.onWipe, idPrefix: "pin",
        heading: h("h2", {}, "Change PIN"),
        intro: h("p", {}, "Your PIN signs you in here and in the Carebridge app on your phone.")
    });

    const devicesBox = alertBox("devices-error");
    const devicesBody = h("tbody", {id: "devices"});
    const devices = h("section", {class: "card", "aria-labelledby": "devices-title"},
        h("h2", {id: "devices-title"}, "Your devices"),
        h("p", {}, "Where you have signed in to Carebridge. If you lose one, tell your administrator: they can "
            + "remove Carebridge from it."),
        devicesBox,
        h("div", {class: "table-scroll"}, h("table", {},
            h("caption", {class: "visually-hidden"}, "Your devices"),
            h("thead", {}, h("tr", {}, h("th", {scope: "col"}, "Device"), h("th", {scope: "col"}, "Signed in"),
                h("th", {scope: "col"}, "Most recent activity"))),
            devicesBody)));

    const notifyState = h("p", {id: "notify-state"});
    const notifyButton = h("button", {type: "button", class: "button", id: "notify-ask"}, "Turn on notifications");
    function showNotifyState() {
        const state = notify.permission();
        notifyState.textContent = state === "granted"
            ? "On: while Carebridge is in a background tab, this browser tells you a new message has arrived. The "
              + "notification never shows the message itself."
            : state === "denied"
                ? "Blocked in this browser's site settings. Allow notifications for this site there to turn them on."
                : state === "unsupported" ? "This browser cannot show notifications."
                    : "Off. Turn them on to hear about new messages while Carebridge is in a background tab "
                      + "(the notification never shows the message itself).";
        notifyButton.hidden = state !== "default";
    }
    notifyButton.addEventListener("click", async () => {
        await notify.ask();
        showNotifyState();
    });
    showNotifyState();
    const notifications = h("section", {class: "card", "aria-labelledby": "notify-title"},
        h("h2", {id: "notify-title"}, "Notifications"), notifyState, notifyButton);

    replace(main, h("section", {class: "page", "aria-labelledby": "profile-title"},
        h("h1", {id: "profile-title"}, "Your profile"),
        h("div", {class: "card", id: "identity"},
            h("p", {class: "identity-name", id: "profile-name"}, fullName(user)),
            h("dl", {class: "facts"},
                user.jobTitle ? [h("dt", {}, "Job title"), h("dd", {}, user.jobTitle)] : null,
                h("dt", {}, "Organization"), h("dd", {id: "profile-organization"}, current.organization.name),
                h("dt", {}, "E-mail"), h("dd", {}, user.email),
                user.staffId ? [h("dt", {}, "Staff id"), h("dd", {}, user.staffId)] : null)),
        h("div", {class: "columns"}, statusForm, pinForm),
        notifications,
        devices));

    api.get("devices").then((list) => {
        replace(devicesBody, list.map((d) => h("tr", {class: d.current ? "current" : null},
            h("th", {scope: "row"}, d.name, d.current ? h("span", {class: "tag"}, "this browser") : null),
            h("td", {}, d.signedIn ? "Yes" : "No"),
            h("td", {}, dateTime(d.lastActivityAt)))));
    }, (error) => {
        if (error.status !== 401) {
            showAlert(devicesBox, "Your devices could not be loaded: " + error.message);
        }
    });
    focusHeading(main);
    return () => {};
}

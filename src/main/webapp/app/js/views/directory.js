// The directory: search as you type, favorites, presence kept current by socket events, the
// organization of each person, and group and whole-organization entries.

import {h, replace, alertBox, showAlert, focusHeading} from "../dom.js";
import * as api from "../api.js";

const PAGE_SIZE = 50;
const STATUS_CLASS = {Available: "available", Busy: "busy", Unavailable: "unavailable", None: "none"};

function isPerson(entry) {
    return entry.kind === "native" || entry.kind === "external";
}

function statusBadge(status) {
    const label = status || "None";
    return h("span", {class: "presence " + (STATUS_CLASS[label] || "none"), "data-status": label},
        h("span", {class: "dot", "aria-hidden": "true"}), label === "None" ? "No status" : label);
}

function describe(entry) {
    if (entry.kind === "organization") {
        return "Whole organization: everyone at " + entry.organizationName;
    }
    if (entry.kind === "group") {
        return "Group · " + entry.organizationName;
    }
    return [entry.jobTitle, entry.organizationName, entry.kind === "external" ? "badge user" : null]
        .filter(Boolean).join(" · ");
}

function section(entry) {
    if (!isPerson(entry)) {
        return "Groups and your organization";
    }
    return entry.favorite ? "Favorites" : "People";
}

/**
 * Renders the directory into {@code main}. {@code app.subscribe(type, handler)} registers a socket
 * event handler and returns its removal; {@code actions(entry)} may add buttons to an entry (e.g. "Message").
 * Returns a cleanup function for when the view is left.
 */
export function renderDirectory(main, app) {
    const box = alertBox("directory-error");
    const search = h("input", {type: "search", id: "directory-search", name: "q", autocomplete: "off",
        "aria-describedby": "directory-search-hint"});
    const count = h("p", {class: "count", id: "directory-count", role: "status", "aria-live": "polite"});
    const list = h("div", {class: "directory", id: "directory-list"});
    const more = h("button", {type: "button", class: "button", id: "directory-more", hidden: true}, "Show more");
    const form = h("form", {role: "search", class: "search", "aria-label": "Directory"},
        h("label", {for: "directory-search"}, "Search by name"),
        search,
        h("p", {class: "hint", id: "directory-search-hint"}, "First name, last name or nickname; several words narrow it down."));
    replace(main, h("section", {class: "page", "aria-labelledby": "directory-title"},
        h("h1", {id: "directory-title"}, "Directory"), form, box, count, list, more));

    let entries = [];
    let nextCursor = null;
    let query = "";
    let generation = 0;
    let debounce = null;

    function row(entry) {
        const person = isPerson(entry);
        const id = "entry-" + entry.kind + "-" + entry.id;
        const item = h("li", {class: "entry " + entry.kind, id, "data-kind": entry.kind, "data-id": entry.id},
            h("div", {class: "entry-main"},
                h("span", {class: "entry-name"}, entry.name),
                h("span", {class: "entry-detail"}, describe(entry))),
            person ? statusBadge(entry.status) : h("span", {class: "kind-tag"},
                entry.kind === "group" ? "Group" : "Organization"),
            h("div", {class: "entry-actions"},
                person ? favoriteButton(entry) : null,
                app.actions ? app.actions(entry) : null));
        return item;
    }

    function favoriteButton(entry) {
        const button = h("button", {type: "button", class: "button icon favorite", "aria-pressed": String(!!entry.favorite),
            "aria-label": (entry.favorite ? "Remove " : "Add ") + entry.name + (entry.favorite ? " from" : " to") + " favorites",
            title: entry.favorite ? "Remove from favorites" : "Add to favorites"},
        h("span", {"aria-hidden": "true"}, entry.favorite ? "★" : "☆"));
        button.addEventListener("click", async () => {
            button.disabled = true;
            try {
                if (entry.favorite) {
                    await api.del("directory/favorites/" + entry.id);
                } else {
                    await api.put("directory/favorites/" + entry.id);
                }
                entry.favorite = !entry.favorite;
                draw(document.activeElement === button ? entry : null);
            } catch (error) {
                button.disabled = false;
                showAlert(box, error.is("too-many-favorites") ? error.message
                    : error.status === 404 ? entry.name + " is no longer in your directory."
                    : "The favorite could not be changed: " + error.message);
            }
        });
        return button;
    }

    function draw(focusEntry) {
        const groups = new Map();
        const ordered = [...entries].sort((a, b) => rank(a) - rank(b));
        for (const entry of ordered) {
            const name = section(entry);
            if (!groups.has(name)) {
                groups.set(name, []);
            }
            groups.get(name).push(entry);
        }
        replace(list, [...groups.entries()].map(([name, members], index) => h("section", {class: "directory-section",
            "aria-labelledby": "directory-section-" + index},
        h("h2", {id: "directory-section-" + index}, name),
        h("ul", {class: "entries"}, members.map(row)))));
        const shown = entries.filter(isPerson).length;
        count.textContent = entries.length === 0
            ? (query ? "Nobody in your directory matches “" + query + "”." : "Your directory is empty.")
            : shown + (shown === 1 ? " person" : " people") + (nextCursor ? " shown so far" : "")
              + (query ? " matching “" + query + "”" : "") + ".";
        more.hidden = !nextCursor;
        if (focusEntry) {
            const again = list.querySelector("#entry-" + focusEntry.kind + "-" + focusEntry.id + " .favorite");
            if (again) {
                again.focus();
            }
        }
    }

    // Favorites first among people, as the server orders its first page; later pages keep their order.
    function rank(entry) {
        return isPerson(entry) ? (entry.favorite ? 1 : 2) : 0;
    }

    async function load(append) {
        const mine = ++generation;
        const parameters = new URLSearchParams({limit: String(PAGE_SIZE)});
        if (query) {
            parameters.set("q", query);
        }
        if (append && nextCursor) {
            parameters.set("cursor", nextCursor);
        }
        try {
            const page = await api.get("directory?" + parameters);
            if (mine !== generation) {
                return;
            }
            entries = append ? entries.concat(page.entries) : page.entries;
            nextCursor = page.nextCursor || null;
            box.hidden = true;
            draw();
        } catch (error) {
            if (mine === generation && error.status !== 401) {
                showAlert(box, error.status === 0 ? "The directory could not be loaded: no connection. It will "
                    + "refresh when the connection is back." : "The directory could not be loaded: " + error.message);
            }
        }
    }

    search.addEventListener("input", () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => {
            query = search.value.trim();
            load(false);
        }, 250);
    });
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        clearTimeout(debounce);
        query = search.value.trim();
        load(false);
    });
    more.addEventListener("click", () => load(true));

    const unsubscribe = app.subscribe("presence", (payload) => {
        for (const entry of entries) {
            if (isPerson(entry) && entry.id === payload.userId) {
                entry.status = payload.status;
                const item = list.querySelector("#entry-" + entry.kind + "-" + entry.id + " .presence");
                if (item) {
                    item.replaceWith(statusBadge(payload.status));
                }
            }
        }
    });
    // Presence changes missed while the socket was down: read the directory again.
    const unsubscribeReconnect = app.subscribe("reconnected", () => load(false));

    load(false);
    focusHeading(main);
    return () => {
        unsubscribe();
        unsubscribeReconnect();
        clearTimeout(debounce);
        generation++;
    };
}

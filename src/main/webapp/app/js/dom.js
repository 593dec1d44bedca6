// Building the page from data without ever parsing text as HTML: every piece of text a server or
// a user supplied goes in as a text node, so a name can never become markup.

/**
 * h("button", {type: "button", onclick: f, class: "x"}, "Label", child, ...)
 * Attributes starting with "on" are event listeners; false/null/undefined attributes are left out;
 * children may be strings, nodes, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (name.startsWith("on") && typeof value === "function") {
            element.addEventListener(name.substring(2), value);
        } else if (value === true) {
            element.setAttribute(name, "");
        } else {
            element.setAttribute(name, String(value));
        }
    }
    append(element, children);
    return element;
}

function append(parent, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(parent, child);
        } else if (child instanceof Node) {
            parent.appendChild(child);
        } else {
            parent.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** Replaces everything inside {@code parent}. */
export function replace(parent, ...children) {
    parent.replaceChildren();
    append(parent, children);
    return parent;
}

let fieldCounter = 0;

/** A labelled form field: label, input and a hint; returns {row, input}. */
export function field(label, inputAttributes, hint) {
    const id = inputAttributes.id || "field-" + (++fieldCounter);
    const hintId = hint ? id + "-hint" : null;
    const input = h("input", {...inputAttributes, id, "aria-describedby": hintId});
    const row = h("div", {class: "field"},
        h("label", {for: id}, label),
        input,
        hint ? h("p", {class: "hint", id: hintId}, hint) : null);
    return {row, input};
}

/** A message area read out by screen readers when it changes. */
export function alertBox(id) {
    return h("div", {class: "alert", id, role: "alert", hidden: true});
}

export function showAlert(box, text, kind = "error") {
    box.className = "alert " + kind;
    box.hidden = !text;
    replace(box, text || "");
}

/** "2 min 5 s" for a number of seconds. */
export function duration(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    const minutes = Math.floor(s / 60);
    const rest = s % 60;
    if (minutes === 0) {
        return rest + " s";
    }
    return rest === 0 ? minutes + " min" : minutes + " min " + rest + " s";
}

/** A time as the reader's browser shows dates, e.g. "Nov 24, 2026, 11:05 AM". */
export function dateTime(iso) {
    if (!iso) {
        return "never";
    }
    return new Date(iso).toLocaleString(undefined, {dateStyle: "medium", timeStyle: "short"});
}

/** Moves focus to the page's heading after a view change, so screen readers announce where they are. */
export function focusHeading(container) {
    const heading = container.querySelector("h1");
    if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
    }
}

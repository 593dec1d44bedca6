// The message composer: text, normal or high priority, optional answer choices (2 to 10).
// Sending is idempotent: each message gets a clientMessageId once, reused if the user retries.

import {h, alertBox, showAlert} from "../dom.js";

const MAX_CHOICES = 10;

/**
 * send({text, priority, choices, clientMessageId}) performs the request and resolves when stored;
 * it throws api.ApiError. Returns the form element.
 */
export function composer({send, idPrefix = "compose", label = "Message"}) {
    const box = alertBox(idPrefix + "-error");
    const text = h("textarea", {id: idPrefix + "-text", name: "text", rows: 3, maxlength: 4000, required: true});
    const normal = h("input", {type: "radio", name: idPrefix + "-priority", value: "NORMAL", id: idPrefix + "-normal",
        checked: true});
    const high = h("input", {type: "radio", name: idPrefix + "-priority", value: "HIGH", id: idPrefix + "-high"});
    const withChoices = h("input", {type: "checkbox", id: idPrefix + "-with-choices"});
    const choiceList = h("ol", {class: "choice-inputs", id: idPrefix + "-choices"});
    const addChoice = h("button", {type: "button", class: "button quiet", id: idPrefix + "-add-choice"}, "Add a choice");
    const choicesArea = h("fieldset", {class: "choices-area", hidden: true},
        h("legend", {}, "Answer choices (2 to 10)"), choiceList, addChoice);
    const sendButton = h("button", {type: "submit", class: "button primary", id: idPrefix + "-send"}, "Send");
    let clientMessageId = null;

    function addChoiceInput(value = "") {
        const index = choiceList.children.length + 1;
        const id = idPrefix + "-choice-" + index;
        choiceList.append(h("li", {}, h("label", {for: id, class: "visually-hidden"}, "Choice " + index),
            h("input", {type: "text", id, maxlength: 200, value, placeholder: "Choice " + index})));
        addChoice.hidden = choiceList.children.length >= MAX_CHOICES;
    }

    withChoices.addEventListener("change", () => {
        choicesArea.hidden = !withChoices.checked;
        if (withChoices.checked && choiceList.children.length === 0) {
            addChoiceInput();
            addChoiceInput();
        }
        if (withChoices.checked) {
            choiceList.querySelector("input").focus();
        }
    });
    addChoice.addEventListener("click", () => {
        addChoiceInput();
        choiceList.lastElementChild.querySelector("input").focus();
    });
    // A changed message is a new message: it gets a new id.
    text.addEventListener("input", () => {
        clientMessageId = null;
    });

    const form = h("form", {class: "composer", novalidate: true, "aria-label": label},
        box,
        h("div", {class: "field"}, h("label", {for: idPrefix + "-text"}, label), text),
        h("div", {class: "composer-options"},
            h("fieldset", {class: "priority"}, h("legend", {}, "Priority"),
                h("label", {for: idPrefix + "-normal"}, normal, " Normal"),
                h("label", {for: idPrefix + "-high", class: "high-label"}, high, " High priority")),
            h("label", {for: idPrefix + "-with-choices", class: "check"}, withChoices, " Ask for an answer")),
        choicesArea,
        h("div", {class: "actions"}, sendButton));

    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const body = text.value.trim();
        if (!body) {
            showAlert(box, "Write a message first.");
            text.focus();
            return;
        }
        let choices = null;
        if (withChoices.checked) {
            choices = [...choiceList.querySelectorAll("input")].map((i) => i.value.trim()).filter(Boolean);
            if (choices.length < 2) {
                showAlert(box, "Give at least two answer choices, or untick “Ask for an answer”.");
                choiceList.querySelector("input").focus();
                return;
            }
            if (new Set(choices.map((c) => c.toLowerCase())).size !== choices.length) {
                showAlert(box, "Each answer choice must be different.");
                return;
            }
        }
        if (!clientMessageId) {
            clientMessageId = crypto.randomUUID();
        }
        sendButton.disabled = true;
        try {
            await send({text: body, priority: high.checked ? "HIGH" : "NORMAL", choices, clientMessageId});
            clientMessageId = null;
            text.value = "";
            normal.checked = true;
            withChoices.checked = false;
            choicesArea.hidden = true;
            choiceList.replaceChildren();
            addChoice.hidden = false;
            box.hidden = true;
            text.focus();
        } catch (error) {
            // Nothing typed is lost: the text stays, and trying again reuses the same id (no duplicate).
            showAlert(box, error.status === 0
                ? "Not sent: Carebridge could not be reached. Your message is still here; send it again when connected."
                : error.status === 422 ? "Not sent: " + error.message
                    : "Not sent: " + error.message);
        } finally {
            sendButton.disabled = false;
        }
    });
    return {form, focus: () => text.focus()};
}

// Browser notifications for new messages while the tab is in the background. They never carry
// message text, a subject or a sender: only that something new is waiting, like a push.

export function supported() {
    return "Notification" in window;
}

/** "granted", "denied", "default" (not asked yet) or "unsupported". */
export function permission() {
    return supported() ? Notification.permission : "unsupported";
}

/** Asks for permission; must run from a click. Resolves to the permission now in force. */
export async function ask() {
    if (!supported()) {
        return "unsupported";
    }
    try {
        return await Notification.requestPermission();
    } catch (e) {
        return Notification.permission;
    }
}

/**
 * Shows "New secure message" (or "New high-priority secure message") when the tab is hidden and
 * permission was granted; clicking it brings the tab forward and runs {@code onOpen}. Returns
 * whether a notification was shown.
 */
export function newMessage({conversationId, highPriority, onOpen}) {
    if (document.visibilityState !== "hidden" || permission() !== "granted") {
        return false;
    }
    const notification = new Notification("Carebridge", {
        body: highPriority ? "New high-priority secure message" : "New secure message",
        tag: "carebridge-conversation-" + conversationId,
        requireInteraction: !!highPriority
    });
    notification.addEventListener("click", () => {
        window.focus();
        notification.close();
        if (onOpen) {
            onOpen();
        }
    });
    return true;
}

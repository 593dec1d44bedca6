// The client API over fetch: JSON in and out, the bearer token, and problem answers (RFC 9457)
// turned into ApiError with the problem's type, so views switch on types, never on wording.

const BASE = new URL("../api/v1/", document.baseURI);

/** A problem answer of the API, or a network failure (status 0). */
export class ApiError extends Error {
    constructor(status, problem, retryAfterSeconds) {
        super(problem && problem.detail ? problem.detail : "The server could not be reached.");
        this.status = status;
        this.problem = problem || {};
        this.type = this.problem.type || (status === 0 ? "network" : "unknown");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    is(type) {
        return this.type === "/problems/" + type;
    }
}

let token = null;
// Answers that mean the whole session is over or blocked; main.js decides what to show.
let sessionHandler = () => {};

export function setToken(value) {
    token = value;
}

export function hasToken() {
    return token !== null;
}

export function currentToken() {
    return token;
}

/** {@code handler(error)} is told about invalid-token, pin-change-required and device-wipe answers. */
export function onSessionProblem(handler) {
    sessionHandler = handler;
}

/** The URL of the event socket on this origin (ws: or wss: as the page was loaded). */
export function eventsUrl() {
    const url = new URL("events", BASE);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return url.toString();
}

/**
 * Calls the API. Returns the parsed JSON answer, or null for 204. Throws ApiError. Options:
 * {quiet: true} keeps session problems from reaching the session handler (sign-in, lock screen);
 * {withCookies: true} sends this origin's cookies (only the non-user's page, whose session is a
 * cookie; the signed-in client never sends any).
 */
export async function call(method, path, body, options = {}) {
    const headers = {"Accept": "application/json"};
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
    }
    if (token && !options.withoutToken) {
        headers["Authorization"] = "Bearer " + token;
    }
    let response;
    try {
        response = await fetch(new URL(path, BASE), {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            cache: "no-store",
            credentials: options.withCookies ? "same-origin" : "omit"
        });
    } catch (e) {
        throw new ApiError(0, null);
    }
    if (response.status === 204) {
        return null;
    }
    let json = null;
    try {
        json = await response.json();
    } catch (e) {
        json = null;
    }
    if (response.ok) {
        return json;
    }
    const retryAfter = Number(response.headers.get("Retry-After"));
    const error = new ApiError(response.status, json, Number.isFinite(retryAfter) ? retryAfter : null);
    if (!options.quiet && (error.is("invalid-token") || error.is("pin-change-required") || error.is("device-wipe"))) {
        sessionHandler(error);
    }
    throw error;
}

export const get = (path, options) => call("GET", path, undefined, options);
export const put = (path, body, options) => call("PUT", path, body, options);
export const post = (path, body, options) => call("POST", path, body, options);
export const del = (path, options) => call("DELETE", path, undefined, options);

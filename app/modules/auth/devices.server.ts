import { cookieIsSecure, readCookie, serializeCookie } from "./sessions.server";

/** The trusted-browser cookie: set at a successful login, lets its owner log in while the account is under attack. */
const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

function deviceCookieName() {
  return cookieIsSecure() ? "__Host-concours_device" : "concours_device";
}

export function readDeviceToken(request: Request) {
  return readCookie(request, deviceCookieName());
}

export function deviceCookie(token: string) {
  return serializeCookie(deviceCookieName(), token, DEVICE_COOKIE_MAX_AGE);
}

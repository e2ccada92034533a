/** Durations in milliseconds, for the server and the browser alike (times are epoch milliseconds). */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

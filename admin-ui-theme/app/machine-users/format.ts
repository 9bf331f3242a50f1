/** Times as the console shows them: the admin's locale, or a dash when there is none. */
export const formatTime = (millis?: number) => (millis ? new Date(millis).toLocaleString() : "—");

/** A date input's value (yyyy-mm-dd) as the end of that day, UTC, in epoch milliseconds. */
export const endOfDayUtc = (date: string) => Date.parse(`${date}T23:59:59Z`);

/** Meta's documented limits on a Send API message (reference §4.2, §6). */

/** Text: "UTF-8, < 2000 characters"; Meta's own tools accept exactly 2000. */
export const MAX_TEXT_LENGTH = 2000;

/** Meta's documented limits on a Send API message (reference §4.2, §6). */

/** Text: Meta says "UTF-8, < 2000 characters"; the strict reading is 1999 at most. */
export const MAX_TEXT_LENGTH = 1999;

/**
 * Meta's documented limits on a Send API message (docs/meta-platform.md §1.3, §2.2, §4.2, §6, and Meta's
 * button and generic templates). Lengths count characters (Unicode code points), as the emulator does.
 */

/** Text: Meta says "UTF-8, < 2000 characters"; the strict reading is 1999 at most. */
export const MAX_TEXT_LENGTH = 1999;

/** Text of a paid Marketing Message API message: at most 640 characters (§3.4). */
export const MAX_PAID_TEXT_LENGTH = 640;

/** Quick replies: up to 13 per message, title ≤ 20, payload ≤ 1000 (§6). */
export const MAX_QUICK_REPLIES = 13;
export const MAX_QUICK_REPLY_TITLE_LENGTH = 20;

/** Postback and quick reply payloads ≤ 1000 (§6); also held for opt-in payloads, whose limit Meta leaves open (§1.3). */
export const MAX_PAYLOAD_LENGTH = 1000;

/** Buttons: title ≤ 20 (§6), 1 to 3 on a button template, up to 3 on a generic element. */
export const MAX_BUTTON_TITLE_LENGTH = 20;
export const MAX_BUTTONS = 3;

/** Button template text ≤ 640 (Meta's button template; §3.4 gives 640 too). */
export const MAX_BUTTON_TEMPLATE_TEXT_LENGTH = 640;

/** Generic template: 1 to 10 elements, title and subtitle ≤ 80 (Meta's generic template). */
export const MAX_GENERIC_ELEMENTS = 10;
export const MAX_GENERIC_TITLE_LENGTH = 80;
export const MAX_GENERIC_SUBTITLE_LENGTH = 80;

/** Opt-in request titles (`one_time_notif_req`, `notification_messages`) ≤ 65 (§1.3, §2.2). */
export const MAX_OPT_IN_TITLE_LENGTH = 65;

/**
 * Attachments (image, audio, video, file) Meta saves or sends are "up to 25 MB in size"; audio must
 * carry an audio Content-Type such as audio/mp3. 25 MB is read as 25,000,000 bytes, the stricter of
 * the two readings. https://developers.facebook.com/docs/messenger-platform/send-messages/saving-assets
 */
export const MAX_ATTACHMENT_BYTES = 25_000_000;

/** Structure limits of Send API messages, each with where docs/meta-platform.md states it. */

/** "UTF-8, < 2000 chars" (§4.2): at most 1999 characters, the strict reading of "<". */
export const TEXT_MAX = 1999;
/** metadata "< 1000 chars" (§4.2). */
export const METADATA_MAX = 999;
/** Quick replies: up to 13, title ≤ 20, payload ≤ 1000 (§6). */
export const QUICK_REPLIES_MAX = 13;
export const QUICK_REPLY_TITLE_MAX = 20;
/** Postback payload ≤ 1000 (§6); also used for opt-in payloads, whose limit is undocumented (§1.3). */
export const PAYLOAD_MAX = 1000;
/** Button title ≤ 20 (§6, postback buttons). */
export const BUTTON_TITLE_MAX = 20;
/** Opt-in request titles ≤ 65 (§1.3, §2.2). */
export const OPT_IN_TITLE_MAX = 65;
/** Button template text ≤ 640 (Meta's button template; §3.4 gives 640 for text as well). */
export const BUTTON_TEXT_MAX = 640;
export const BUTTONS_MAX = 3;
/** Generic template: ≤ 10 elements, title and subtitle ≤ 80, ≤ 3 buttons each (Meta's generic template). */
export const GENERIC_ELEMENTS_MAX = 10;
export const GENERIC_TITLE_MAX = 80;
export const GENERIC_SUBTITLE_MAX = 80;

/** Messenger's notification_messages_cta_text values (FREQUENCY is Instagram's only). */
export const CTA_TEXTS = ['ALLOW', 'GET', 'GET_UPDATES', 'OPT_IN', 'SIGN_UP'] as const;
/** §2.2 image_aspect_ratio values. */
export const OPT_IN_IMAGE_RATIOS = ['HORIZONTAL', 'SQUARE'] as const;

/** The attachment types Meta sends and saves (Send API reference, saving-assets page). */
export const MEDIA_TYPES = ['image', 'audio', 'video', 'file'];
/**
 * Saved assets are "up to 25 MB in size": read as 25,000,000 bytes, the strict reading.
 * https://developers.facebook.com/docs/messenger-platform/send-messages/saving-assets
 */
export const ATTACHMENT_MAX_BYTES = 25_000_000;

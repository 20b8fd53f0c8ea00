/** The spans Meta's rules are written in (docs/meta-platform.md §1.6, §2.1, §2.2, §4.3). */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Standard messaging window after the subscriber's last message, postback or quick reply (§4.3). */
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
/** HUMAN_AGENT tag: up to 7 days after the subscriber's last message (§4.3). */
export const HUMAN_AGENT_WINDOW_MS = 7 * DAY_MS;
/** "will expire within 1 year of creation" (§1.6); 365 days, the shorter reading of a year. */
export const ONE_TIME_TOKEN_LIFETIME_MS = 365 * DAY_MS;
/** 1 marketing message per token per 48 h since Sep 1 2025 (§2.1). */
export const MARKETING_COOLDOWN_MS = 48 * HOUR_MS;
/** One notification_messages request per subscriber per week for the same title (§2.2). */
export const OPT_IN_REQUEST_REPEAT_MS = 7 * DAY_MS;

/** Answer a webhook POST within 5 seconds (§5.4). */
export const WEBHOOK_TIMEOUT_MS = 5 * SECOND_MS;
/** Meta alerts the developer after 15 minutes of failed deliveries (§5.4). */
export const WEBHOOK_ALERT_AFTER_MS = 15 * MINUTE_MS;
/** After 1 hour of failures webhooks are disabled and the app unsubscribed from the Page (§5.4). */
export const WEBHOOK_DISABLE_AFTER_MS = HOUR_MS;

/** Paid API: one message per 12 hours per subscription token (§3.4). */
export const PAID_MESSAGE_MIN_GAP_MS = 12 * HOUR_MS;
/** Paid API: a campaign starts at most 30 days ahead (§3.3), and lifetime-budget campaigns end 30 days after their start by default. */
export const CAMPAIGN_WINDOW_MS = 30 * DAY_MS;

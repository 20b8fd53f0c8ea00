import { MAX_OPT_IN_TITLE_LENGTH, MAX_PAYLOAD_LENGTH } from '../messageLimits';
import {
	checkOptionalOneOf,
	checkOptionalText,
	checkOptionalTimezone,
	checkOptionalUrl,
	checkRequiredText,
} from './fieldChecks';
import { builtUnlessProblems, type Built } from './messageProblem';
import type { MarketingOptInRequestTemplate, MessengerMessage } from './messageTypes';

/**
 * The button texts Meta's Messenger opt-in request offers (notification_messages_cta_text), with
 * the words the subscriber sees. FREQUENCY is in Instagram's list only, not Messenger's.
 */
export const MARKETING_CTA_TEXTS = {
	ALLOW: 'Allow messages',
	GET: 'Get messages',
	GET_UPDATES: 'Get updates',
	OPT_IN: 'Opt in to messages',
	SIGN_UP: 'Sign up for messages',
} as const;

export type MarketingCtaText = keyof typeof MARKETING_CTA_TEXTS;

/** Meta's button text when the request names none (docs/meta-platform.md §2.2). */
export const DEFAULT_MARKETING_CTA_TEXT: MarketingCtaText = 'GET_UPDATES';

export const MARKETING_IMAGE_ASPECT_RATIOS = ['HORIZONTAL', 'SQUARE'] as const;

/** The title Meta shows, and counts for its once-a-week rule, when the request has none (docs/meta-platform.md §2.2). */
export const DEFAULT_MARKETING_TITLE = 'Updates and promotions';

/** Empty optional fields are left out, so Meta applies its own defaults. */
export interface MarketingOptInRequestInput {
	/** At most 65 characters. Meta refuses the same title to the same subscriber twice within a week. */
	title?: string;
	/** The request's payload: it comes back in the opt-in. */
	topic: string;
	imageUrl?: string;
	imageAspectRatio?: string;
	ctaText?: string;
	/** The subscriber's IANA time zone; Meta assumes UTC without it. */
	timezone?: string;
}

/** The `notification_messages` template, flat Messenger form (docs/meta-platform.md §2.2). */
export function marketingOptInRequest(input: MarketingOptInRequestInput): Built<MessengerMessage> {
	const { title = '', topic, imageUrl = '', imageAspectRatio = '', ctaText = '', timezone = '' } = input;
	const problems = [
		...checkOptionalText(title, 'Title', MAX_OPT_IN_TITLE_LENGTH),
		...checkRequiredText(topic, 'Topic', MAX_PAYLOAD_LENGTH),
		...checkOptionalUrl(imageUrl, 'Image URL'),
		...checkOptionalOneOf(imageAspectRatio, 'Image aspect ratio', MARKETING_IMAGE_ASPECT_RATIOS),
		...checkOptionalOneOf(ctaText, 'Button text', Object.keys(MARKETING_CTA_TEXTS)),
		...checkOptionalTimezone(timezone, 'Timezone'),
	];
	return builtUnlessProblems(problems, () => {
		const payload: MarketingOptInRequestTemplate = { template_type: 'notification_messages', payload: topic };
		if (title) payload.title = title;
		if (imageUrl) payload.image_url = imageUrl;
		if (imageAspectRatio) payload.image_aspect_ratio = imageAspectRatio;
		if (ctaText) payload.notification_messages_cta_text = ctaText;
		if (timezone) payload.notification_messages_timezone = timezone;
		return { attachment: { type: 'template', payload } };
	});
}

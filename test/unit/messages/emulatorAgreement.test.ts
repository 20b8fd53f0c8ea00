// The package's limits are the emulator's: both are read from Meta's same pages (docs/meta-platform.md), and a drift
// would let a message pass here that the emulator (and Meta) refuses, or the other way round.
import * as emulatorLimits from '../../../emulator/graph/send/limits';
import * as limits from '../../../nodes/shared/messageLimits';
import { MARKETING_CTA_TEXTS, MARKETING_IMAGE_ASPECT_RATIOS } from '../../../nodes/shared/messages/marketingOptInRequest';

describe("the message model's limits", () => {
	it.each([
		['text', limits.MAX_TEXT_LENGTH, emulatorLimits.TEXT_MAX],
		['quick replies', limits.MAX_QUICK_REPLIES, emulatorLimits.QUICK_REPLIES_MAX],
		['quick reply title', limits.MAX_QUICK_REPLY_TITLE_LENGTH, emulatorLimits.QUICK_REPLY_TITLE_MAX],
		['payload', limits.MAX_PAYLOAD_LENGTH, emulatorLimits.PAYLOAD_MAX],
		['button title', limits.MAX_BUTTON_TITLE_LENGTH, emulatorLimits.BUTTON_TITLE_MAX],
		['buttons', limits.MAX_BUTTONS, emulatorLimits.BUTTONS_MAX],
		['button template text', limits.MAX_BUTTON_TEMPLATE_TEXT_LENGTH, emulatorLimits.BUTTON_TEXT_MAX],
		['generic elements', limits.MAX_GENERIC_ELEMENTS, emulatorLimits.GENERIC_ELEMENTS_MAX],
		['generic title', limits.MAX_GENERIC_TITLE_LENGTH, emulatorLimits.GENERIC_TITLE_MAX],
		['generic subtitle', limits.MAX_GENERIC_SUBTITLE_LENGTH, emulatorLimits.GENERIC_SUBTITLE_MAX],
		['opt-in title', limits.MAX_OPT_IN_TITLE_LENGTH, emulatorLimits.OPT_IN_TITLE_MAX],
	])('%s: the same as the emulator', (_name, ours, emulators) => {
		expect(ours).toBe(emulators);
	});

	it("has the emulator's call-to-action texts and image aspect ratios", () => {
		expect(Object.keys(MARKETING_CTA_TEXTS)).toEqual([...emulatorLimits.CTA_TEXTS]);
		expect([...MARKETING_IMAGE_ASPECT_RATIOS]).toEqual([...emulatorLimits.OPT_IN_IMAGE_RATIOS]);
	});
});

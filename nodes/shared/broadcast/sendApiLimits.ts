import type { IDataObject } from 'n8n-workflow';

/**
 * Meta's per-Page limits on Send API calls, from Meta's page on Messenger rate limits
 * (https://developers.facebook.com/documentation/business-messaging/messenger-platform/overview/rate-limiting):
 * 300 calls a second for text, links, reactions and stickers, 10 a second for audio and video.
 */
export const SEND_API_CALLS_PER_SECOND = 300;
export const SEND_API_AUDIO_VIDEO_CALLS_PER_SECOND = 10;

/** Meta's per-second limit for a broadcast of these messages: the lower one if any carries audio or video. */
export function sendApiLimitFor(messages: IDataObject[]): number {
	const audioOrVideo = messages.some((message) => {
		const type = (message.attachment as IDataObject | undefined)?.type;
		return type === 'audio' || type === 'video';
	});
	return audioOrVideo ? SEND_API_AUDIO_VIDEO_CALLS_PER_SECOND : SEND_API_CALLS_PER_SECOND;
}

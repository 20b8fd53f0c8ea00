import { checkRequiredUrl } from './fieldChecks';
import { builtUnlessProblems, type Built } from './messageProblem';
import type { MediaKind, MessengerMessage } from './messageTypes';

const URL_FIELDS: Record<MediaKind, string> = { image: 'Image URL', file: 'File URL' };

/** An image or a file that Meta fetches from a public http(s) URL (docs/meta-platform.md §4.2). */
export function mediaMessage(kind: MediaKind, url: string): Built<MessengerMessage> {
	return builtUnlessProblems(checkRequiredUrl(url, URL_FIELDS[kind]), () => ({
		attachment: { type: kind, payload: { url } },
	}));
}

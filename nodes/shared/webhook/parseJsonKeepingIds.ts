/**
 * JSON.parse, except that integers too long for a JavaScript number become strings, digit for
 * digit. Meta prints some ids of the paid API's webhooks as numbers (docs/meta-platform.md §3.5: recipient_id,
 * page_id, app_id); a PSID has 16 or 17 digits, past what a double holds exactly, so a plain parse
 * would give the wrong subscriber. Only numbers outside strings are touched.
 */
export function parseJsonKeepingIds(json: string): unknown {
	let out = '';
	let copiedUpTo = 0;
	let inString = false;
	for (let index = 0; index < json.length; index++) {
		const char = json[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
			continue;
		}
		if (char === '"') {
			inString = true;
			continue;
		}
		if (char !== '-' && (char < '0' || char > '9')) continue;
		const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(json.slice(index, index + 400));
		if (!match) continue;
		const number = match[0];
		if (!match[1] && !match[2] && !Number.isSafeInteger(Number(number))) {
			out += `${json.slice(copiedUpTo, index)}"${number}"`;
			copiedUpTo = index + number.length;
		}
		index += number.length - 1;
	}
	return JSON.parse(out + json.slice(copiedUpTo));
}

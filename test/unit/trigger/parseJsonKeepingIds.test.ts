import { parseJsonKeepingIds } from '../../../nodes/shared/webhook/parseJsonKeepingIds';

describe('parsing webhook JSON without rounding long ids', () => {
	it('keeps integers past 2^53 as their digits, and leaves every other value as JSON.parse reads it', () => {
		const json = '{"recipient_id":12312312312312319,"page_id":140984918491243,"t":-1.5e3,"n":[9007199254740993,1],"ok":true,"x":null}';
		expect(parseJsonKeepingIds(json)).toEqual({ recipient_id: '12312312312312319', page_id: 140984918491243, t: -1500, n: ['9007199254740993', 1], ok: true, x: null });
	});

	it('never touches digits inside strings, escaped quotes included', () => {
		const json = '{"text":"order 12312312312312319 \\"12312312312312319\\" ok","id":"12312312312312319"}';
		expect(parseJsonKeepingIds(json)).toEqual(JSON.parse(json));
	});

	it('throws on invalid JSON as JSON.parse does', () => {
		expect(() => parseJsonKeepingIds('{"a":')).toThrow(SyntaxError);
	});
});

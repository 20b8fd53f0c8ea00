import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ERROR_TABLE_END, ERROR_TABLE_START, errorTableMarkdown } from '../../scripts/errorTableMarkdown';

describe('the README', () => {
	it('publishes exactly the error table the code uses (npm run readme:errors rewrites it)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf(ERROR_TABLE_START) + ERROR_TABLE_START.length, readme.indexOf(ERROR_TABLE_END));
		expect(section.trim()).toBe(errorTableMarkdown());
	});
});

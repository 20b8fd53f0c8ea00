// Rewrites the error table section of README.md from the code's table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ERROR_TABLE_END, ERROR_TABLE_START, errorTableMarkdown } from './errorTableMarkdown';

const readmePath = join(__dirname, '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(ERROR_TABLE_START);
const end = readme.indexOf(ERROR_TABLE_END);
if (start < 0 || end < start) {
	console.error(`README.md has no ${ERROR_TABLE_START} ... ${ERROR_TABLE_END} section`);
	process.exit(1);
}
const updated = `${readme.slice(0, start + ERROR_TABLE_START.length)}\n${errorTableMarkdown()}\n${readme.slice(end)}`;
writeFileSync(readmePath, updated);
console.log('README.md error table updated');

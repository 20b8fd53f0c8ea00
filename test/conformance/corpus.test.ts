/** The corpus names where each payload comes from, and holds nothing it does not name. */
import { corpusFiles, SAMPLES } from './metaSamples';

describe('the corpus of Meta payloads (test/fixtures/meta)', () => {
	it('lists every payload file once in index.json, and only files that exist', () => {
		expect(SAMPLES.map((sample) => sample.file).sort()).toEqual(corpusFiles().sort());
	});

	it.each(SAMPLES.map((sample) => [sample.file, sample] as const))('%s names its source and the date it was read', (_file, sample) => {
		const { page, repository, path, issue } = sample.source;
		expect(Boolean(page?.startsWith('https://developers.facebook.com/') || (repository && (path || issue)))).toBe(true);
		expect(sample.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Array.isArray(sample.changes)).toBe(true);
	});
});

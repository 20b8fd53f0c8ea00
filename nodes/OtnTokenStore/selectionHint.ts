import type { AudiencePage } from '../shared/tokens/audiencePage';
import type { SelectionCounts, Shard } from '../shared/tokens/selectForBroadcast';

const MAX_TOPICS_LISTED = 10;
const MAX_PAGES_LISTED = 5;

function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/**
 * Said when the eligible rows belong to several Pages: OTN Broadcast sends only its credential's
 * Page's rows and keeps the others as they were, which a marketer should know before the run.
 */
export function severalPagesWarning(counts: SelectionCounts): string | undefined {
	const pages = counts.eligiblePages;
	if (pages.length <= 1) return undefined;
	const listed = pages.slice(0, MAX_PAGES_LISTED).join(', ') + (pages.length > MAX_PAGES_LISTED ? ` and ${pages.length - MAX_PAGES_LISTED} more` : '');
	return (
		`The eligible rows belong to ${pages.length} Pages (${listed}). OTN Broadcast sends only the rows of its credential's Page ` +
		"and keeps the others as they were: set Page ID to select one Page's rows, and broadcast each Page with its own credential."
	);
}

/** Where a page leaves the audience, in figures (its `after` is a PSID: that goes to the third output only). */
function pageWords(page: AudiencePage): string {
	const held = page.heldForNextPage ? `${count(page.heldForNextPage, 'row')} of its last subscriber left for the next page, ` : '';
	return `Paged: ${held}${page.morePages ? 'more pages follow' : 'this is the last page'}. `;
}

/** The counts of a selection in words: figures only, never a token or a PSID. */
export function selectionHint(counts: SelectionCounts, shard?: Shard, page?: AudiencePage): string {
	// Always said when sharded, so a shard that found nothing of its own still shows which it was.
	const sharded =
		shard && shard.count > 1
			? `${counts.otherShards} ${counts.otherShards === 1 ? 'row belongs to another shard' : 'rows belong to other shards'} (shard ${shard.number} of ${shard.count})`
			: '';
	const optional = [
		counts.coolingDown ? `${counts.coolingDown} cooling down` : '',
		counts.spent ? `${counts.spent} already used, expired, revoked or failed` : '',
		counts.overCap ? `${counts.overCap} over the cap` : '',
		counts.outsideSelection ? `${counts.outsideSelection} outside this topic, Page or test audience` : '',
		sharded,
		counts.duplicates ? `${count(counts.duplicates, 'duplicate')} of a tokenId counted once` : '',
	].filter(Boolean);
	const topics = counts.byTopic
		.slice(0, MAX_TOPICS_LISTED)
		.map((topic) => `${topic.topic ?? '(no topic)'}: ${topic.eligible} eligible, ${topic.expired} expired, ${topic.extraTokens} extra`);
	const more = counts.byTopic.length > MAX_TOPICS_LISTED ? [`and ${counts.byTopic.length - MAX_TOPICS_LISTED} more topics`] : [];
	return (page ? pageWords(page) : '').concat(
		[
			`${count(counts.eligible, 'row')} eligible (one per subscriber and topic) of ${count(counts.rows, 'readable row')}`,
			`${counts.expired} expired (second output)`,
			`${count(counts.extraTokens, 'extra token')} held back`,
			...optional,
		]
			.join(', ')
			.concat(topics.length ? `. By topic: ${[...topics, ...more].join('; ')}.` : '.'),
	);
}

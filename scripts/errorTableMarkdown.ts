// Renders the error table of nodes/shared/graph as Markdown, so the README publishes exactly the
// table the code uses (a unit test compares them; `npm run readme:errors` rewrites the README).
import { ERROR_CLASS_EFFECTS, type ErrorClass } from '../nodes/shared/graph/errorClasses';
import { ERROR_RULES, type ErrorRule } from '../nodes/shared/graph/errorTable';

export const ERROR_TABLE_START = '<!-- error-table:start -->';
export const ERROR_TABLE_END = '<!-- error-table:end -->';

function codeCell(rule: ErrorRule): string {
	const code = rule.subcode === undefined ? `${rule.code}` : `${rule.code} / ${rule.subcode}`;
	const conditions = [
		rule.recipients ? `to a ${rule.recipients.join(' or ')}` : undefined,
		rule.messageMatch ? `message matches \`${rule.messageMatch.source}\`` : undefined,
	].filter(Boolean);
	return conditions.length ? `${code} (${conditions.join(', ')})` : code;
}

function escapeCell(text: string): string {
	return text.replace(/\|/g, '\\|');
}

export function errorTableMarkdown(): string {
	const classes = Object.keys(ERROR_CLASS_EFFECTS) as ErrorClass[];
	const classRows = classes.map((name) => {
		const effect = ERROR_CLASS_EFFECTS[name];
		return `| \`${name}\` | ${escapeCell(effect.summary)} | ${effect.row} | ${effect.action} |`;
	});
	const ruleRows = ERROR_RULES.map(
		(rule) => `| ${escapeCell(codeCell(rule))} | \`${rule.errorClass}\` | ${escapeCell(rule.meaning)} |`,
	);
	return [
		'| class | when | the token row | the caller |',
		'| --- | --- | --- | --- |',
		...classRows,
		'',
		'Without a Meta code: a time-out, a dropped connection, an unanswered batch item or an HTTP 5xx is `transient` (and may have delivered the message); HTTP 429 is `throttled`; 401/403 is `stop`; any other 4xx is `invalid`. An unknown code on a 5xx is `transient`, on a 4xx `invalid`.',
		'',
		'| code / subcode | class | what it means |',
		'| --- | --- | --- |',
		...ruleRows,
	].join('\n');
}

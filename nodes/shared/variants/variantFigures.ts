/** What a group of sends became: the figures Summarize gives per campaign and per variant. */
export type SendFigures = {
	sent: number;
	delivered: number;
	read: number;
	clicked: number;
	/** Paid messages Meta could not deliver (docs/meta-platform.md §3.5). */
	failed: number;
};

/** One send as Summarize merges it from every row that holds it. */
export interface MergedSend {
	delivered: boolean;
	read: boolean;
	clicked: boolean;
	failed: boolean;
	variant: string | null;
}

export function noSends(): SendFigures {
	return { sent: 0, delivered: 0, read: 0, clicked: 0, failed: 0 };
}

export function countSend(figures: SendFigures, send: MergedSend): void {
	figures.sent++;
	figures.delivered += Number(send.delivered);
	figures.read += Number(send.read);
	figures.clicked += Number(send.clicked);
	figures.failed += Number(send.failed && !send.delivered);
}

/** Percentage points of one rate over another, to one decimal. */
export type RateDifference = { delivered: number; read: number; clicked: number };

export type VariantSummary = { variant: string } & SendFigures & {
	/** Shares of `sent`, in percent to one decimal. */
	deliveredPercent: number;
	readPercent: number;
	clickedPercent: number;
	/** This variant's rates minus the first variant's (A), in percentage points; absent on A itself. */
	differenceFromA?: RateDifference;
};

function percent(part: number, whole: number): number {
	return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

function points(a: number, b: number): number {
	return Math.round((a - b) * 10) / 10;
}

/**
 * Per variant (A, B, …) of one campaign: the figures, the rates, and each rate's difference from
 * the first variant's. Empty when no send of the campaign had a variant; sends without one (made
 * before variants were turned on) count in the campaign only.
 */
export function summarizeVariants(sends: MergedSend[]): VariantSummary[] {
	const byVariant = new Map<string, SendFigures>();
	for (const send of sends) {
		if (send.variant === null) continue;
		const figures = byVariant.get(send.variant) ?? noSends();
		countSend(figures, send);
		byVariant.set(send.variant, figures);
	}
	const summaries: VariantSummary[] = [...byVariant.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([variant, figures]) => ({
			variant,
			...figures,
			deliveredPercent: percent(figures.delivered, figures.sent),
			readPercent: percent(figures.read, figures.sent),
			clickedPercent: percent(figures.clicked, figures.sent),
		}));
	const [first, ...others] = summaries;
	for (const other of others) {
		other.differenceFromA = {
			delivered: points(other.deliveredPercent, first.deliveredPercent),
			read: points(other.readPercent, first.readPercent),
			clicked: points(other.clickedPercent, first.clickedPercent),
		};
	}
	return summaries;
}

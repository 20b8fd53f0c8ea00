/** A plain-text table: first column left-aligned, the others right-aligned, for commit-friendly results. */
export function textTable(header: string[], rows: string[][]): string {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export const fixed = (value: number, digits = 1): string => value.toFixed(digits);
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** The machine's load average (1, 5, 15 min), printed beside figures a shared machine may depress. */
export function loadAverage(values: number[]): string {
	return values.map((value) => value.toFixed(1)).join(', ');
}

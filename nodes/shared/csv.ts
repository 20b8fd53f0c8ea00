/**
 * RFC 4180 CSV, as n8n's Convert to File writes it: a header row, comma-separated, a cell quoted
 * when it holds a comma, a quote or a line break, CRLF between records, empty for null.
 */
type CsvCell = string | number | boolean | null;

function csvCell(value: CsvCell): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row extends Record<string, CsvCell>>(columns: ReadonlyArray<keyof Row & string>, rows: Row[]): string {
	const lines = [columns.map(csvCell), ...rows.map((row) => columns.map((column) => csvCell(row[column])))];
	return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

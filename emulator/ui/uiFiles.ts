import { readdirSync } from 'fs';
import { readFile } from 'fs/promises';
import type { ServerResponse } from 'http';
import { extname, join } from 'path';

/**
 * The emulator's web page: the files in `static/`, served as they are (no build step). `GET /` is
 * the page; its scripts and styles live under `/_emulator/ui/`. Only names found in that folder are
 * served, so no path can reach another file.
 */

const STATIC_DIR = join(__dirname, 'static');
const ASSET_PREFIX = '/_emulator/ui/';
const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=UTF-8',
	'.css': 'text/css; charset=UTF-8',
	'.js': 'text/javascript; charset=UTF-8',
};
const FILE_NAMES = new Set(readdirSync(STATIC_DIR).filter((name) => CONTENT_TYPES[extname(name)] !== undefined));

// The page talks only to this emulator and loads nothing from elsewhere (image URLs are not fetched).
const SECURITY_HEADERS = {
	'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
	'X-Content-Type-Options': 'nosniff',
	'Cache-Control': 'no-store',
};

/** The static file a GET path asks for, or undefined when the path is not the page's. */
export function uiFileFor(pathname: string): string | undefined {
	if (pathname === '/') return 'index.html';
	if (!pathname.startsWith(ASSET_PREFIX)) return undefined;
	const name = pathname.slice(ASSET_PREFIX.length);
	return FILE_NAMES.has(name) ? name : undefined;
}

export async function sendUiFile(res: ServerResponse, name: string): Promise<void> {
	const content = await readFile(join(STATIC_DIR, name));
	res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(name)], 'Content-Length': content.length, ...SECURITY_HEADERS });
	res.end(content);
}

import { execFileSync } from 'child_process';
import { join } from 'path';

import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (no browser download). The first run installs it
 * with apt (scripts/chromium/ensure-chromium.sh), which needs root, as in CI.
 */

const CHROMIUM = '/usr/bin/chromium';
const ENSURE_SCRIPT = join(__dirname, 'ensure-chromium.sh');

// Without the background-networking flags Chromium keeps calling Google, and a closed network
// refuses it. Playwright gives every launch a fresh temporary --user-data-dir of its own.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
	execFileSync(ENSURE_SCRIPT, { stdio: ['ignore', 'inherit', 'inherit'] });
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

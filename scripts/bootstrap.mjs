// Installs the development dependencies when they are missing or package-lock.json changed, so
// `npm test` works on a fresh clone. Uses only Node's own modules: it runs before node_modules exists.
//
// Why --ignore-scripts: n8n-workflow 2.x depends on isolated-vm, whose install script compiles
// from source and fails on Node 20. The nodes never load it (n8n-workflow requires it lazily),
// and no other development tool here needs an install script. The real n8n that the end-to-end
// tests run is installed separately, under Node 24 (scripts/n8n/).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockFile = `${root}package-lock.json`;
const stampFile = `${root}node_modules/.bootstrap-lock-hash`;

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installedHash = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';

if (installedHash === lockHash) {
	process.exit(0);
}

console.log('Installing development dependencies (npm ci --ignore-scripts)...');
const started = Date.now();
const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
	cwd: root,
	stdio: 'inherit',
});
if (result.status !== 0) {
	console.error('npm ci failed; see the output above.');
	process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${lockHash}\n`);
console.log(`Dependencies installed in ${Math.round((Date.now() - started) / 1000)} s.`);

// Removes dist/ before a build, so a renamed or deleted file never ships stale.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

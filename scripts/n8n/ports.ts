/** A free loopback port, so each n8n gets its own HTTP and task-broker ports and never meets a stale one. */
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

/** Whether something already listens on host:port (e.g. a demo n8n from an earlier start). */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolveInUse) => {
		const server = createServer();
		server.once('error', () => resolveInUse(true));
		server.listen(port, host, () => server.close(() => resolveInUse(false)));
	});
}

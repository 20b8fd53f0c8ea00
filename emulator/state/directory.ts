import type { EmulatorAppConfig, EmulatorPageConfig } from '../config';
import { DEFAULT_REGION } from '../core/regions';

/** The apps and Pages the emulator knows, looked up by id and by token. */

export interface AppRecord {
	appId: string;
	appSecret: string;
	requireAppSecretProof: boolean;
}

export interface PageRecord {
	pageId: string;
	pageToken: string;
	name: string;
	appId: string;
	/** Where the Page's business is (ISO code): the paid API serves some regions only (docs/meta-platform.md §3.1). */
	region: string;
	/**
	 * Whether the Page may read its subscribers' profiles (User Profile API). Meta grants it by the
	 * way a conversation started and, for business apps, by App Review; the emulator has a switch.
	 */
	profileAccess: boolean;
}

export interface AppWithPages extends AppRecord {
	pages: PageRecord[];
}

/** A configuration conflict (duplicate id or token); the control API answers it with 409. */
export class DirectoryConflict extends Error {}

export class Directory {
	private readonly appsById = new Map<string, AppRecord>();
	private readonly pagesById = new Map<string, PageRecord>();
	private readonly pagesByToken = new Map<string, PageRecord>();

	addApp(config: Omit<EmulatorAppConfig, 'pages'>): AppRecord {
		if (this.appsById.has(config.appId)) throw new DirectoryConflict(`app ${config.appId} already exists`);
		const app: AppRecord = {
			appId: config.appId,
			appSecret: config.appSecret,
			requireAppSecretProof: config.requireAppSecretProof === true,
		};
		this.appsById.set(app.appId, app);
		return app;
	}

	addPage(appId: string, config: EmulatorPageConfig): PageRecord {
		if (!this.appsById.has(appId)) throw new DirectoryConflict(`app ${appId} does not exist`);
		if (this.pagesById.has(config.pageId)) throw new DirectoryConflict(`page ${config.pageId} already exists`);
		if (this.pagesByToken.has(config.pageToken)) throw new DirectoryConflict('that page token is already in use');
		const page: PageRecord = {
			pageId: config.pageId,
			pageToken: config.pageToken,
			name: config.name ?? `Page ${config.pageId}`,
			appId,
			region: config.region ?? DEFAULT_REGION,
			profileAccess: true,
		};
		this.pagesById.set(page.pageId, page);
		this.pagesByToken.set(page.pageToken, page);
		return page;
	}

	/** All or nothing: a conflicting Page leaves no half-made app behind. */
	addAppWithPages(config: EmulatorAppConfig): AppWithPages {
		const ids = config.pages.map((page) => page.pageId);
		const tokens = config.pages.map((page) => page.pageToken);
		if (new Set(ids).size !== ids.length || ids.some((id) => this.pagesById.has(id))) throw new DirectoryConflict('a page id is already in use');
		if (new Set(tokens).size !== tokens.length || tokens.some((token) => this.pagesByToken.has(token))) {
			throw new DirectoryConflict('a page token is already in use');
		}
		const app = this.addApp(config);
		const pages = config.pages.map((page) => this.addPage(app.appId, page));
		return { ...app, pages };
	}

	app(appId: string): AppRecord | undefined {
		return this.appsById.get(appId);
	}

	page(pageId: string): PageRecord | undefined {
		return this.pagesById.get(pageId);
	}

	pageByToken(token: string): PageRecord | undefined {
		return this.pagesByToken.get(token);
	}

	list(): AppWithPages[] {
		return [...this.appsById.values()].map((app) => ({
			...app,
			pages: [...this.pagesById.values()].filter((page) => page.appId === app.appId),
		}));
	}

	clear(): void {
		this.appsById.clear();
		this.pagesById.clear();
		this.pagesByToken.clear();
	}
}

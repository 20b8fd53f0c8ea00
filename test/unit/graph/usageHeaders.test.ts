import { readUsageHeaders } from '../../../nodes/shared/graph/usageHeaders';

// The samples of https://developers.facebook.com/docs/graph-api/overview/rate-limiting/, as n8n's
// full response hands them over: lower-case names, JSON strings.
const META_BUC_SAMPLE = JSON.stringify({
	'{business-object-id}': [{ type: '{rate-limit-type}', call_count: 100, total_cputime: 25, total_time: 25, estimated_time_to_regain_access: 19, ads_api_access_tier: 'standard_access' }],
	'66782684': [{ type: 'ads_management', call_count: 95, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 0, ads_api_access_tier: 'development_access' }],
	'10153848260347724': [{ type: 'pages', call_count: 97, total_cputime: 23, total_time: 23, estimated_time_to_regain_access: 0 }],
});
const META_APP_SAMPLE = JSON.stringify({ call_count: 28, total_time: 25, total_cputime: 25 });
// The same page's X-Ad-Account-Usage sample, for ad-account calls such as the paid Marketing Message API's.
const META_AD_ACCOUNT_SAMPLE = JSON.stringify({ acc_id_util_pct: 9.67, reset_time_duration: 100, ads_api_access_tier: 'standard_access' });

describe("reading Meta's usage headers", () => {
	it("takes the fullest counter of Meta's X-Business-Use-Case-Usage sample and its time to regain access", () => {
		expect(readUsageHeaders({ 'x-business-use-case-usage': META_BUC_SAMPLE })).toEqual({
			percent: 100,
			counter: 'call_count',
			header: 'X-Business-Use-Case-Usage',
			// '{rate-limit-type}' is the sample's placeholder, not a type name: it is left out.
			type: undefined,
			regainAccessMinutes: 19,
		});
	});

	it("reads X-App-Usage's sample, and whichever counter is fullest, CPU or time included", () => {
		expect(readUsageHeaders({ 'x-app-usage': META_APP_SAMPLE })).toMatchObject({ percent: 28, counter: 'call_count', header: 'X-App-Usage', regainAccessMinutes: 0 });
		const page = { '200': [{ type: 'messenger', call_count: 12, total_cputime: 81, total_time: 40, estimated_time_to_regain_access: 0 }] };
		expect(readUsageHeaders({ 'X-Business-Use-Case-Usage': JSON.stringify(page), 'x-app-usage': META_APP_SAMPLE })).toMatchObject({
			percent: 81,
			counter: 'total_cputime',
			type: 'messenger',
		});
	});

	it('reads X-Page-Usage like X-App-Usage', () => {
		expect(readUsageHeaders({ 'x-page-usage': JSON.stringify({ call_count: 5, total_cputime: 64, total_time: 9 }) })).toMatchObject({ percent: 64, counter: 'total_cputime', header: 'X-Page-Usage' });
	});

	it("reads X-Ad-Account-Usage's sample: the ad account's share, its tier, and no wait while the score is not full", () => {
		expect(readUsageHeaders({ 'x-ad-account-usage': META_AD_ACCOUNT_SAMPLE })).toEqual({
			percent: 9.67,
			counter: 'acc_id_util_pct',
			header: 'X-Ad-Account-Usage',
			type: 'standard_access',
			regainAccessMinutes: 0,
		});
	});

	it('takes a full ad-account score as throttled until its reset, in whole minutes', () => {
		const full = JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: 61, ads_api_access_tier: 'development_access' });
		expect(readUsageHeaders({ 'X-Ad-Account-Usage': full })).toMatchObject({ percent: 100, regainAccessMinutes: 2, type: 'development_access' });
	});

	it('takes the fuller of the ad account and the app when an answer carries both', () => {
		const busy = JSON.stringify({ acc_id_util_pct: 82.5, reset_time_duration: 240, ads_api_access_tier: 'standard_access' });
		expect(readUsageHeaders({ 'x-ad-account-usage': busy, 'x-app-usage': META_APP_SAMPLE })).toMatchObject({ percent: 82.5, header: 'X-Ad-Account-Usage' });
		expect(readUsageHeaders({ 'x-ad-account-usage': META_AD_ACCOUNT_SAMPLE, 'x-app-usage': META_APP_SAMPLE })).toMatchObject({ percent: 28, header: 'X-App-Usage' });
	});

	it('gives nothing for an answer without usage headers, or with one that is not JSON', () => {
		expect(readUsageHeaders(undefined)).toBeUndefined();
		expect(readUsageHeaders({ 'content-type': 'application/json' })).toBeUndefined();
		expect(readUsageHeaders({ 'x-app-usage': 'not json' })).toBeUndefined();
		expect(readUsageHeaders({ 'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 'lots' }) })).toBeUndefined();
	});
});

/**
 * Where the paid Marketing Message API works (docs/meta-platform.md §3.1), as ISO 3166-1 alpha-2 codes:
 * businesses (their ad account and Page) in these regions only, subscribers anywhere but the
 * excluded ones. The United Kingdom is `GB`; `UK` is read as the same.
 */

export const PAID_API_BUSINESS_REGIONS = [
	'AU', 'BR', 'CL', 'CO', 'HK', 'IN', 'ID', 'IL', 'MY', 'MX', 'NZ', 'PE', 'PH', 'SA', 'SG', 'TW', 'TH', 'AE', 'US', 'VN',
];

const EUROPEAN_UNION = [
	'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

export const PAID_API_EXCLUDED_SUBSCRIBER_REGIONS = [...EUROPEAN_UNION, 'JP', 'KR', 'AU', 'GB'];

export const DEFAULT_REGION = 'US';

/** `us` → `US`, `UK` → `GB`; undefined when it is not a two-letter code. */
export function regionCode(value: string): string | undefined {
	const code = value.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) return undefined;
	return code === 'UK' ? 'GB' : code;
}

export function businessRegionSupported(region: string): boolean {
	return PAID_API_BUSINESS_REGIONS.includes(region);
}

export function subscriberRegionSupported(region: string): boolean {
	return !PAID_API_EXCLUDED_SUBSCRIBER_REGIONS.includes(region);
}

/** Graph API versions Meta still serves (docs/meta-platform.md §4.8), newest first. */
export const GRAPH_API_VERSIONS = ['v26.0', 'v25.0', 'v24.0', 'v23.0', 'v22.0'] as const;

/** The version of Meta's current Send API samples. */
export const DEFAULT_GRAPH_API_VERSION = 'v25.0';

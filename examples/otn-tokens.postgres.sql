-- The token row of n8n-nodes-messenger-otn in PostgreSQL: one row per token, keyed by tokenId,
-- so an insert with ON CONFLICT DO NOTHING keeps Meta's retries from adding or reviving a row.
-- Column names are camelCase like the nodes' items, hence the quotes.
CREATE TABLE IF NOT EXISTS otn_tokens (
	"tokenId" text PRIMARY KEY,
	"token" text NOT NULL,
	"tokenType" text NOT NULL CHECK ("tokenType" IN ('one_time', 'marketing')),
	"pageId" text NOT NULL,
	"psid" text NOT NULL,
	"topic" text,
	"title" text,
	"timezone" text,
	"optedInAt" timestamptz,
	"expiresAt" timestamptz,
	"status" text NOT NULL CHECK ("status" IN ('available', 'used', 'expired', 'revoked', 'failed')),
	"lastSentAt" timestamptz,
	"nextEligibleAt" timestamptz,
	"campaign" text,
	"messageId" text,
	"deliveredAt" timestamptz,
	"readAt" timestamptz,
	"clickedAt" timestamptz,
	"error" text,
	-- The variant (A to D) of the last send when OTN Broadcast's Variants (A/B) is on; optional.
	"variant" text
);
-- Apply Event and Forget Subscriber look rows up by subscriber; Select for Broadcast by topic.
CREATE INDEX IF NOT EXISTS otn_tokens_subscriber ON otn_tokens ("pageId", "psid");
CREATE INDEX IF NOT EXISTS otn_tokens_topic_status ON otn_tokens ("topic", "status");
-- A campaign in pages (examples/broadcast-in-pages-postgres.json) reads a topic's available rows in psid order.
CREATE INDEX IF NOT EXISTS otn_tokens_paging ON otn_tokens ("topic", "status", "psid" COLLATE "C");

-- The send log: one row per send, for figures per campaign and variant (a marketing token is sent again and again).
-- failedAt and error come from the paid Marketing Message API's failed-delivery webhook.
CREATE TABLE IF NOT EXISTS otn_send_log (
	"campaign" text NOT NULL,
	"tokenId" text NOT NULL,
	"pageId" text NOT NULL,
	"psid" text NOT NULL,
	"messageId" text,
	"sentAt" timestamptz NOT NULL,
	"deliveredAt" timestamptz,
	"readAt" timestamptz,
	"clickedAt" timestamptz,
	"failedAt" timestamptz,
	"error" text,
	-- The variant (A to D) sent, for Summarize's figures per variant.
	"variant" text,
	PRIMARY KEY ("campaign", "tokenId")
);
CREATE INDEX IF NOT EXISTS otn_send_log_subscriber ON otn_send_log ("pageId", "psid");

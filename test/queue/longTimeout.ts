// A queue-mode test starts PostgreSQL, Redis and four n8n processes and moves thousands of
// executions: minutes, not seconds.
jest.setTimeout(900_000);

// Every e2e test drives a real n8n: a workflow run, a publish or a wait for executions can take
// longer than jest's 30 s default on a busy machine.
jest.setTimeout(120_000);

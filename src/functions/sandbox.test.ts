import { Sandbox, type SandboxJob } from './sandbox';

const job = (tenant: string, source: string): SandboxJob => ({
  entry: { name: 'f', source, args: [] },
  setup: { user: {}, app: {}, environment: { tag: '', values: {} }, runningAsSystem: true },
  host: () => Promise.resolve(undefined),
  tenant,
});

describe('Sandbox concurrency', () => {
  it("gives one tenant at most half the slots, so another tenant's call runs while it loops", async () => {
    const timeoutMs = 1500;
    const sandbox = new Sandbox({ timeoutMs, memoryLimitMb: 32, maxConcurrent: 2 });
    try {
      // Both calls of tenant a take (or queue for) their slot synchronously, before b asks.
      const runaway = [1, 2].map(() => sandbox.run(job('a', 'exports = () => { for (;;) {} };')));
      let runawayDone = 0;
      for (const r of runaway) void r.then(() => runawayDone++);
      const other = await sandbox.run(job('b', "exports = () => 'b ran';"));
      expect(other.ok && other.resultEjson).toBe('"b ran"');
      // b did not wait for a slot of tenant a to be freed by the time limit.
      expect(runawayDone).toBe(0);
      for (const r of await Promise.all(runaway)) {
        expect(r.ok ? 'ok' : r.failure.kind).toBe('timeout');
      }
    } finally {
      await sandbox.close();
    }
  });
});

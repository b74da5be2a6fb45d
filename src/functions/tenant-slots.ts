/**
 * Execution slots: at most `maxConcurrent` at once in this process, and one tenant (app) at most
 * half of them (at least one), so a tenant's runaway functions cannot starve the others. The
 * rest wait, first come first served among those whose tenant is under its share.
 */
export class TenantSlots {
  private running = 0;
  private readonly runningByTenant = new Map<string, number>();
  private readonly waiting: { tenant: string; start: () => void }[] = [];

  constructor(private readonly maxConcurrent: number) {}

  /** Resolves once the tenant holds a slot; pair every call with one `release`. */
  acquire(tenant: string): Promise<void> {
    if (this.canStart(tenant)) {
      this.start(tenant);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ tenant, start: resolve }));
  }

  /** Frees a slot and starts the longest-waiting execution whose tenant is under its share. */
  release(tenant: string): void {
    this.running--;
    const left = (this.runningByTenant.get(tenant) ?? 1) - 1;
    if (left > 0) this.runningByTenant.set(tenant, left);
    else this.runningByTenant.delete(tenant);
    const index = this.waiting.findIndex((w) => this.canStart(w.tenant));
    if (index < 0) return;
    const [next] = this.waiting.splice(index, 1);
    if (!next) return;
    this.start(next.tenant);
    next.start();
  }

  private get perTenant(): number {
    return Math.max(1, Math.floor(this.maxConcurrent / 2));
  }

  private canStart(tenant: string): boolean {
    return (
      this.running < this.maxConcurrent && (this.runningByTenant.get(tenant) ?? 0) < this.perTenant
    );
  }

  private start(tenant: string): void {
    this.running++;
    this.runningByTenant.set(tenant, (this.runningByTenant.get(tenant) ?? 0) + 1);
  }
}

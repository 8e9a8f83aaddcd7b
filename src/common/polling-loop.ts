// A background loop that runs one pass of work, waits `intervalMs`, and repeats; stop() waits for a running pass.
export class PollingLoop {
  private handle?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly intervalMs: number,
    private readonly pass: () => Promise<unknown>,
  ) {}

  /** Does nothing when the interval is 0 (tests drive the work themselves). */
  start(): void {
    if (this.intervalMs > 0) this.schedule();
  }

  async stop(): Promise<void> {
    clearTimeout(this.handle);
    this.handle = undefined;
    await this.running;
  }

  private schedule(): void {
    this.handle = setTimeout(() => {
      // A pass that throws (the database went away mid-failover) must not end the loop: the next pass retries.
      this.running = this.pass()
        .catch(() => undefined)
        .finally(() => this.handle && this.schedule());
    }, this.intervalMs);
  }
}

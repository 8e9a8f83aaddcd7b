// The demo desk's people at work: with a limited staff (`--staff`) each person works on one task at a time and a task
// waits, first come first served, for a free person of its role; without a limit nobody ever waits for a colleague.
export class DemoDesk {
  private readonly free = new Map<string, number>();
  private readonly waiting = new Map<string, (() => boolean)[]>();

  /** `people`: how many work in each role (null: as many as the work needs). */
  constructor(private readonly people: Record<string, number> | null) {
    for (const [role, n] of Object.entries(people ?? {})) this.free.set(role, n);
  }

  /**
   * Starts the work now when a person of `role` is free, else when one becomes free. `start` returns false when the
   * work is gone meanwhile (its task cancelled): the person stays free for the next one.
   */
  take(role: string, start: () => boolean): void {
    if (!this.people || !this.free.has(role)) return void start();
    if (this.free.get(role)! > 0) {
      this.free.set(role, this.free.get(role)! - 1);
      if (!start()) this.release(role);
      return;
    }
    this.waiting.set(role, [...(this.waiting.get(role) ?? []), start]);
  }

  /** A person of `role` is done: the longest-waiting work of the role starts, or the person is free. */
  release(role: string): void {
    if (!this.people || !this.free.has(role)) return;
    const queue = this.waiting.get(role) ?? [];
    for (let next = queue.shift(); next; next = queue.shift()) if (next()) return;
    this.free.set(role, this.free.get(role)! + 1);
  }
}

// Simulated staff of one role: a number of work slots (people × tasks each works on at once) and a first-come queue.
export interface SimTask {
  instanceId: string;
  executionId: string;
  activityId: string;
  role: string | null;
  createdAt: number;
  startedAt?: number;
  /** Work on another process (no instance here): its time in work, in working hours. */
  otherHours?: number;
  /** When the person working on it finishes (set when a slot takes it). */
  doneAt?: number;
}

export class StaffPool {
  private readonly queue: SimTask[] = [];
  private busy = 0;
  private busyMs = 0;
  private lastChange: number;

  /** `slots` Infinity: the role is not staffed in the model (tasks start at once). */
  constructor(
    readonly role: string,
    readonly slots: number,
    start: number,
  ) {
    this.lastChange = start;
  }

  /** A new task: started at once when a slot is free (returned true), else queued. */
  offer(task: SimTask, now: number): boolean {
    if (this.busy < this.slots) {
      this.take(task, now);
      return true;
    }
    this.queue.push(task);
    return false;
  }

  /** A task ends (completed or cancelled): its slot goes to the longest-waiting task, which is returned. */
  release(task: SimTask, now: number): SimTask | undefined {
    if (task.startedAt === undefined) {
      const at = this.queue.indexOf(task);
      if (at >= 0) this.queue.splice(at, 1);
      return undefined;
    }
    this.account(now);
    this.busy--;
    const next = this.queue.shift();
    if (next) this.take(next, now);
    return next;
  }

  /** The measured period begins: slot time in use so far is not counted. */
  reset(now: number): void {
    this.account(now);
    this.busyMs = 0;
  }

  /** Share of slot time in use between `start` and `now` (working and idle hours alike). */
  utilisation(start: number, now: number): number {
    this.account(now);
    return Number.isFinite(this.slots) && this.slots > 0 && now > start ? this.busyMs / (this.slots * (now - start)) : 0;
  }

  private take(task: SimTask, now: number): void {
    this.account(now);
    this.busy++;
    task.startedAt = now;
  }

  private account(now: number): void {
    this.busyMs += this.busy * (now - this.lastChange);
    this.lastChange = now;
  }
}

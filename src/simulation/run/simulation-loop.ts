// One replication of one diagram: a discrete-event loop on a virtual clock around the real engine (in memory).
// Customers arrive, tasks wait for a free slot of their role, people finish them after a drawn duration, timers
// and messages fire when due; SLA clocks are judged with the product's policies and calendars.
import { FakeClock } from '../../common/clock';
import { seededRandom, type Random } from '../../demo/demo-random.util';
import type { CompiledDefinition } from '../../engine/compiled-definition';
import { InMemoryRunner, type SituationCache } from '../../engine/in-memory-runner';
import type { Action, RunResult } from '../../engine/run-types';
import { addBusinessTime } from '../../sla/business-time.util';
import type { BusinessCalendar } from '../../sla/business-calendar';
import type { SlaConfig } from '../../sla/sla-config';
import { drawArrivals } from './sim-arrivals.util';
import { decideTask, startVariables } from './sim-decisions.util';
import { awaitedOnTask, durationFit, needsStaff, processPolicyOf, slotsOf, timerDue } from './sim-desk.util';
import { drawOtherWork } from './sim-other-work.util';
import { EventQueue } from './sim-queue';
import { SimulationRegistry } from './sim-registry';
import { InstanceClocks } from './sim-sla';
import { StaffPool, type SimTask } from './sim-staff';
import { SimTally } from './sim-tally';
import type { Adjustments, Lognormal, ReplicationOutcome, SimModel } from './simulation-run.types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEFAULT_MESSAGE_WAIT: Lognormal = { meanHours: 24, cv: 1 };

interface SimInstance {
  id: string;
  startedAt: number;
  variables: Record<string, unknown>;
  tasks: Map<string, SimTask>;
  timers: Map<string, number>;
  /** Message catches waiting, and when each is delivered. */
  messages: Map<string, number>;
  clocks: InstanceClocks;
  responded: boolean;
  resolved: boolean;
}

export interface LoopOptions {
  definition: CompiledDefinition;
  model: SimModel;
  adjustments: Adjustments;
  sla: SlaConfig;
  /** The measured period: `days` from `from`, after `warmupDays` simulated but not measured. */
  from: number;
  days: number;
  warmupDays?: number;
  seed: number;
  /** The variables the diagram's expressions read; null: the engine runs every command (no replay). */
  relevant: ReadonlySet<string> | null;
  /** Engine answers learned by earlier replications of the same diagram (a fresh cache when absent). */
  situations?: SituationCache;
  onProgress?: (fraction: number) => void;
}

export class SimulationLoop {
  private readonly clock: FakeClock;
  private readonly runner: InMemoryRunner;
  private readonly queue = new EventQueue();
  private readonly r: Random;
  private readonly pools = new Map<string, StaffPool>();
  private readonly instances = new Map<string, SimInstance>();
  private readonly tally: SimTally;
  private readonly end: number;
  private readonly calendar: BusinessCalendar;
  private readonly timeZone: string;
  private readonly start: number;

  constructor(private readonly o: LoopOptions) {
    this.start = o.from - (o.warmupDays ?? 0) * DAY;
    this.clock = new FakeClock(new Date(this.start));
    this.runner = new InMemoryRunner(o.definition, this.clock, new SimulationRegistry(), o.relevant, o.situations);
    this.r = seededRandom(o.seed);
    this.end = o.from + o.days * DAY;
    this.tally = new SimTally(o.from, o.days);
    const processPolicy = this.processPolicy();
    this.calendar = (o.model.staffing?.calendar && o.sla.calendars.get(o.model.staffing.calendar)) || (processPolicy && o.sla.policies.get(processPolicy)?.calendar) || o.sla.calendars.get('24x7')!;
    this.timeZone = o.model.timeZone ?? this.calendar.timeZone ?? 'UTC';
  }

  async run(): Promise<ReplicationOutcome> {
    const arrivals = drawArrivals({ r: this.r, model: this.o.model, from: this.start, days: (this.end - this.start) / DAY, arrivalsPercent: this.o.adjustments.arrivalsPercent, timeZone: this.timeZone });
    arrivals.forEach((a, n) => this.queue.push(a.at, () => this.arrive(`i${n + 1}`, a.channel, a.priority)));
    // A stream of its own, so the process's customers are the same with or without other work (common random numbers).
    drawOtherWork({ r: seededRandom(this.o.seed + 7_919), model: this.o.model, from: this.start, to: this.end }).forEach((w, n) => this.queue.push(w.at, () => {
      const task: SimTask = { instanceId: '', executionId: `other${n}`, activityId: '', role: w.role, createdAt: w.at, otherHours: w.hours };
      if (this.pool(w.role).offer(task, w.at)) this.startOther(task, w.at);
    }));
    this.queue.push(this.o.from, () => this.pools.forEach((pool) => pool.reset(this.o.from)));
    for (let d = 1; d <= this.o.days; d++) this.queue.push(this.o.from + d * DAY - 1, () => this.tally.backlogAt(d - 1, this.instances.size));
    for (let n = 0; this.queue.size && this.queue.peek()!.at < this.end; n++) {
      const event = this.queue.pop()!;
      this.clock.set(new Date(event.at));
      await event.run();
      if (n % 500 === 0) this.o.onProgress?.((event.at - this.start) / (this.end - this.start));
    }
    for (const inst of this.instances.values()) for (const v of inst.clocks.stopAll(this.end, inst.variables)) this.tally.verdict(v, this.end);
    for (const [role, pool] of this.pools) this.tally.utilisation[role] = pool.utilisation(this.o.from, this.end);
    return { ...this.tally.outcome(), engineRuns: this.runner.engineRuns };
  }

  private async arrive(id: string, channel: string | null, priority: string | null): Promise<void> {
    const now = this.clock.now().getTime();
    const { model } = this.o.definition;
    const inst: SimInstance = { id, startedAt: now, variables: {}, tasks: new Map(), timers: new Map(), messages: new Map(), clocks: new InstanceClocks(), responded: false, resolved: false };
    this.instances.set(id, inst);
    this.tally.arrived(now);
    const policy = this.processPolicy();
    if (policy && this.o.sla.policies.has(policy)) inst.clocks.startProcess(this.o.sla.policies.get(policy)!, now);
    await this.command(inst, { type: 'start', variables: startVariables({ form: model.startForm, channel, priority, now }) });
  }

  private async command(inst: SimInstance, action: Action): Promise<void> {
    this.tally.commands++;
    const result = await this.runner.run(inst.id, action, inst.variables);
    this.apply(inst, result);
  }

  /** What a command changed: history facts, new and gone tasks, timers and message waits, SLA pauses, the end. */
  private apply(inst: SimInstance, result: RunResult): void {
    const now = this.clock.now().getTime();
    const { elements } = this.o.definition.model;
    inst.variables = result.variables;
    for (const h of result.history) {
      if (h.type === 'complaint.escalated') this.tally.escalation(`L${h.detail?.level}`, now);
      if (h.type === 'activity.started' && h.activityId && elements[h.activityId]?.slaStop) this.resolve(inst, now);
    }
    const open = new Set(result.userTasks.map((t) => t.executionId));
    for (const [executionId, task] of inst.tasks) if (!open.has(executionId)) this.endTask(inst, task, now);
    for (const t of result.userTasks) if (!inst.tasks.has(t.executionId)) this.openTask(inst, t.activityId, t.executionId, now);
    const armed = new Map(result.timers.map((t) => [t.key, t]));
    for (const key of inst.timers.keys()) if (!armed.has(key)) inst.timers.delete(key);
    for (const t of armed.values()) if (!inst.timers.has(t.key)) this.armTimer(inst, t.key, t.activityId, t.timerType, t.expression, t.dueAt, now);
    const waiting = new Set(result.messages.map((m) => m.executionId));
    for (const id of inst.messages.keys()) if (!waiting.has(id)) inst.messages.delete(id);
    for (const m of result.messages) if (!inst.messages.has(m.executionId) && !awaitedOnTask(this.o.definition.model, m.activityId)) this.awaitMessage(inst, m.activityId, m.executionId, m.messageId, now);
    inst.clocks.setWaiting(result.activeActivityIds.some((id) => elements[id]?.slaPause), now);
    if (result.completed) {
      this.resolve(inst, now);
      this.instances.delete(inst.id);
      this.runner.drop(inst.id);
      this.tally.ended(now);
    }
  }

  private resolve(inst: SimInstance, now: number): void {
    const verdict = inst.clocks.stopProcess(now, inst.variables);
    if (verdict) this.tally.verdict(verdict, now);
    if (!inst.resolved && verdict) this.tally.resolved(now, (now - inst.startedAt) / HOUR);
    inst.resolved ||= !!verdict;
  }

  private openTask(inst: SimInstance, activityId: string, executionId: string, now: number): void {
    const info = this.o.definition.model.elements[activityId];
    const role = info?.candidateRoles?.[0] ?? null;
    const task: SimTask = { instanceId: inst.id, executionId, activityId, role, createdAt: now };
    inst.tasks.set(executionId, task);
    const policy = info?.slaPolicy && this.o.sla.policies.get(info.slaPolicy);
    if (policy) inst.clocks.startTask(executionId, policy, now);
    if (!needsStaff(this.o.model, activityId, role) || this.pool(role).offer(task, now)) this.schedule(inst, task, now);
  }

  /** A task completed or cancelled: its SLA clock ends and its slot goes to the next task waiting for the role. */
  private endTask(inst: SimInstance, task: SimTask, now: number): void {
    inst.tasks.delete(task.executionId);
    const verdict = inst.clocks.stopTask(task.executionId, now, inst.variables);
    if (verdict) this.tally.verdict(verdict, now);
    this.next(this.pool(task.role).release(task, now), now);
  }

  /** The task a freed slot took: one of an instance, or other work. */
  private next(task: SimTask | undefined, now: number): void {
    if (task?.otherHours !== undefined) this.startOther(task, now);
    else if (task) this.schedule(this.instances.get(task.instanceId)!, task, now);
  }

  /** Other work keeps its person for its hours in working time, then frees the slot. */
  private startOther(task: SimTask, now: number): void {
    const at = addBusinessTime({ start: new Date(now), durationMs: task.otherHours! * HOUR, calendar: this.calendar }).getTime();
    this.queue.push(Math.max(at, now + 1), () => this.next(this.pool(task.role).release(task, this.clock.now().getTime()), this.clock.now().getTime()));
  }

  private schedule(inst: SimInstance, task: SimTask, now: number): void {
    const fit = durationFit(this.o.model, task.activityId, task.role);
    const ms = this.r.lognormal(Math.max(fit.d.meanHours, 1e-6), fit.d.cv) * HOUR;
    const at = fit.working ? addBusinessTime({ start: new Date(now), durationMs: ms, calendar: this.calendar }).getTime() : now + ms;
    task.doneAt = Math.max(at, now + 1);
    this.queue.push(task.doneAt, async () => {
      if (!inst.tasks.has(task.executionId) || !this.instances.has(inst.id)) return; // cancelled meanwhile
      const values = decideTask({ r: this.r, model: this.o.model, activityId: task.activityId, form: this.o.definition.model.elements[task.activityId]?.form ?? [], now: this.clock.now().getTime() });
      this.respond(inst);
      await this.command(inst, { type: 'signal', activityId: task.activityId, executionId: task.executionId, variables: values });
    });
  }

  private respond(inst: SimInstance): void {
    if (inst.responded) return;
    inst.responded = true;
    this.tally.response(inst.startedAt, this.clock.now().getTime() - inst.startedAt, inst.variables);
  }

  private armTimer(inst: SimInstance, key: string, activityId: string, timerType: string, expression: string | null, wallDue: Date, now: number): void {
    const due = timerDue({ model: this.o.definition.model, sla: this.o.sla, activityId, timerType, expression, wallDue, now });
    inst.timers.set(key, due);
    this.queue.push(Math.max(due, now), async () => {
      if (inst.timers.get(key) !== due || !this.instances.has(inst.id)) return;
      inst.timers.delete(key);
      await this.command(inst, { type: 'fireTimers', keys: [key] });
    });
  }

  /** A message catch (spare parts, a customer's answer) is delivered after the model's wait. */
  private awaitMessage(inst: SimInstance, activityId: string, executionId: string, messageId: string, now: number): void {
    const wait = this.o.model.messages?.[activityId] ?? DEFAULT_MESSAGE_WAIT;
    const at = now + this.r.lognormal(wait.meanHours, wait.cv) * HOUR;
    inst.messages.set(executionId, at);
    this.queue.push(at, async () => {
      if (!inst.messages.has(executionId) || !this.instances.has(inst.id)) return;
      inst.messages.delete(executionId);
      await this.command(inst, { type: 'signal', activityId, executionId, messageId });
    });
  }

  private pool(role: string | null): StaffPool {
    let pool = this.pools.get(role ?? '');
    if (!pool) this.pools.set(role ?? '', (pool = new StaffPool(role ?? '', slotsOf(this.o.model, this.o.adjustments, role), this.clock.now().getTime())));
    return pool;
  }

  private processPolicy(): string | undefined {
    return processPolicyOf(this.o.definition.model);
  }
}


// Plays weeks of service-desk work on a virtual clock through the real services: customers arrive, staff complete
// tasks, timers and SLA checks fire, customers answer surveys. Every change goes through the command pipeline.
import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { FakeClock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { IncidentRetryService } from '../incidents/incident-retry.service';
import { InstancesService } from '../instances/instances.service';
import { OutboxReaderRepository } from '../notifications/outbox-reader.repository';
import { SurveyRepository } from '../surveys/survey.repository';
import { SurveyRelay } from '../surveys/survey-relay';
import { SurveysService } from '../surveys/surveys.service';
import { TasksService } from '../tasks/tasks.service';
import { TimerFiringService } from '../timers/timer-firing.service';
import { drawArrivals } from './demo-arrivals.util';
import { drawCase, type DemoCase } from './demo-cases';
import { answerOf, DemoSurveyInbox } from './demo-customers';
import { decide } from './demo-decisions';
import { DemoDesk } from './demo-desk';
import { seededRandom, type Random } from './demo-random.util';
import { addWorkingTime } from './demo-workday.util';
import { DemoRepository, type OpenTaskRow } from './demo.repository';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SimulationOptions {
  from: Date;
  to: Date;
  perDay: number;
  complaintShare: number;
  seed: number;
  /** When the second process version goes live (the case mix changes with it); null: never. */
  switchAt: number | null;
  onSwitch: () => Promise<void>;
  /** People per role who work one task at a time (tasks wait for them); null: nobody ever waits for a colleague. */
  staff: Record<string, number> | null;
  onProgress?: (fraction: number) => void;
}

type Event = { at: number; run: () => Promise<void> };

export interface SimulationResult {
  started: number;
  completedTasks: number;
  surveysAnswered: number;
  timersFired: number;
  errors: string[];
  /** Wall time spent in the platform's commands (starts, completions, answers, timers) and in the loop's own reads and relays. */
  commandMs: number;
  loopMs: number;
}

export class DemoSimulator {
  private readonly queue: Event[] = [];
  private readonly scheduled = new Set<string>();
  private readonly cases = new Map<string, DemoCase>();
  private readonly rounds = new Map<string, number>();
  private readonly r: Random;
  private readonly inbox: DemoSurveyInbox;
  private remoteFirst = false;
  private readonly desk: DemoDesk;
  /** The tasks open after the last step (a task cancelled while it waited for a person is not worked on). */
  private open = new Set<string>();
  private readonly result: SimulationResult = { started: 0, completedTasks: 0, surveysAnswered: 0, timersFired: 0, errors: [], commandMs: 0, loopMs: 0 };

  constructor(
    private readonly app: INestApplicationContext,
    private readonly clock: FakeClock,
    private readonly staff: Map<string, Principal[]>,
    private readonly options: SimulationOptions,
  ) {
    this.r = seededRandom(options.seed);
    this.inbox = new DemoSurveyInbox(app.get(DemoRepository), app.get(SurveyRepository));
    this.desk = new DemoDesk(options.staff);
  }

  async run(): Promise<SimulationResult> {
    const { from, to, perDay, complaintShare, switchAt } = this.options;
    const end = to.getTime();
    drawArrivals(this.r, from.getTime(), end, perDay, complaintShare).forEach((a, n) => this.push(a.at, () => this.arrive(n + 1, a.kind)));
    if (switchAt !== null) this.push(switchAt, async () => { await this.options.onSwitch(); this.remoteFirst = true; });
    const repo = this.app.get(DemoRepository);
    for (let step = 0; ; step++) {
      const t0 = performance.now();
      const timer = (await repo.nextTimerDue())?.getTime() ?? Infinity;
      const next = Math.min(this.queue[0]?.at ?? Infinity, timer);
      if (next > end) break;
      if (next > this.clock.now().getTime()) this.clock.set(new Date(next));
      const t1 = performance.now();
      if (timer <= next) this.result.timersFired += await this.app.get(TimerFiringService).fireDue();
      else await this.queue.shift()!.run();
      await this.app.get(IncidentRetryService).retryDue();
      const t2 = performance.now();
      await this.relaySurveys();
      await this.scheduleOpenWork(repo);
      this.result.commandMs += t2 - t1;
      this.result.loopMs += t1 - t0 + performance.now() - t2;
      if (step % 50 === 0) this.options.onProgress?.((this.clock.now().getTime() - from.getTime()) / (end - from.getTime()));
    }
    this.clock.set(to);
    this.options.onProgress?.(1);
    return this.result;
  }

  private push(at: number, run: () => Promise<void>): void {
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.queue[mid].at <= at) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, { at, run });
  }

  private async arrive(n: number, kind: DemoCase['kind']): Promise<void> {
    const c = drawCase(this.r, n, kind, this.remoteFirst);
    const definitionKey = kind === 'complaint' ? 'complaint-escalation' : 'service-request';
    await this.attempt(`start ${c.businessKey}`, async () => {
      const started = await this.app.get(InstancesService).start({ definitionKey, businessKey: c.businessKey, variables: c.variables }, this.worker('agent'));
      this.cases.set(started.id, c);
      this.cases.set(c.businessKey, c);
      this.result.started++;
    });
  }

  /** Every open task nobody is on yet gets a completion time from its decision, once a person of its role is free. */
  private async scheduleOpenWork(repo: DemoRepository): Promise<void> {
    const tasks = await repo.openTasks();
    this.open = new Set(tasks.map((t) => t.id));
    for (const task of tasks) {
      if (this.scheduled.has(task.id)) continue;
      this.scheduled.add(task.id);
      const c = this.caseOf(task);
      const roundKey = `${task.instanceId}/${task.activityId}`;
      const round = this.rounds.get(roundKey) ?? 0;
      this.rounds.set(roundKey, round + 1);
      const decision = decide(task.activityId, task.form, c.fate, { round, now: this.clock.now() });
      if (task.activityId === 'Task_RegisterComplaint') decision.values.handler = this.worker('agent').name;
      const ms = this.r.lognormal(decision.minutes, decision.cv) * MINUTE;
      // Staff work in working time and need a free person; waiting on the customer (wall time) needs nobody.
      const role = decision.workingTime ? (task.candidateRoles[0] ?? 'supervisor') : null;
      const start = () => {
        if (!this.open.has(task.id)) return false;
        const now = this.clock.now().getTime();
        const at = decision.workingTime ? addWorkingTime(now, ms) : now + ms;
        // A person of a limited desk claims the task as they start it (the wait before is the queue's, in the history).
        const person = role && this.options.staff && !task.assignee ? this.worker(role) : undefined;
        if (person) this.push(now, () => this.attempt(`claim ${task.activityId}`, async () => void (await this.app.get(TasksService).claim(task.id, { assignee: person.name }, person))));
        this.push(Math.max(at, now + 1), async () => {
          await this.complete(task, decision.values, person);
          if (role) this.desk.release(role);
        });
        return true;
      };
      if (role) this.desk.take(role, start);
      else start();
    }
  }

  private async complete(task: OpenTaskRow, variables: Record<string, unknown>, claimedBy?: Principal): Promise<void> {
    const principal = claimedBy ?? (task.assignee ? this.person(task.assignee) : this.worker(task.candidateRoles[0] ?? 'supervisor'));
    await this.attempt(`complete ${task.activityId} of ${task.businessKey ?? task.instanceId}`, async () => {
      await this.app.get(TasksService).complete(task.id, { variables }, principal);
      this.result.completedTasks++;
    });
  }

  /** Starts the survey instances of new resolutions, and lets their customers answer the links they got. */
  private async relaySurveys(): Promise<void> {
    await this.app.get(OutboxReaderRepository).waitUntilReadable();
    await this.app.get(SurveyRelay).relay();
    for (const s of await this.inbox.receive(this.clock.now())) {
      const c = (s.about && this.cases.get(s.about)) || null;
      const answers = c ? (s.kind === 'invitation' ? c.fate.answersSurvey : this.r.chance(0.3)) : this.r.chance(0.4);
      if (!answers) continue;
      const satisfaction = c?.fate.satisfaction ?? this.r.int(2, 5);
      this.push(this.clock.now().getTime() + this.r.lognormal(6 * HOUR, 1), () => this.attempt(`answer survey of ${s.about}`, async () => {
        await this.app.get(SurveysService).answer(s.token, answerOf(this.r, satisfaction));
        this.result.surveysAnswered++;
      }));
    }
  }

  /** A demo error the process explains (a task cancelled by its time limit, a survey expired) is part of the story. */
  private async attempt(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const expected = err instanceof DomainError && [ErrorCode.Conflict, ErrorCode.NotFound, ErrorCode.Gone].includes(err.code);
      if (!expected) this.result.errors.push(`${what}: ${(err as Error).message}`);
    }
  }

  private caseOf(task: OpenTaskRow): DemoCase {
    const known = this.cases.get(task.instanceId) ?? (task.businessKey ? this.cases.get(task.businessKey) : undefined);
    if (known) return known;
    const c = drawCase(this.r, 0, 'complaint', this.remoteFirst); // a recovery complaint or call-back
    this.cases.set(task.instanceId, c);
    return c;
  }

  private worker(role: string): Principal {
    const people = this.staff.get(role) ?? this.staff.get('supervisor')!;
    return people[Math.floor(this.r.next() * people.length)];
  }

  private person(username: string): Principal {
    for (const people of this.staff.values()) for (const p of people) if (p.name === username) return p;
    return this.worker('supervisor'); // not a demo user: a supervisor may complete a held task
  }
}

// The command pipeline: a feature takes part in start, task completion and cancel by registering one participant (no
// change to the pipeline); participants run in phase order on one context; a refusal rolls the whole command back;
// after-commit and on-rollback callbacks run when the transaction ends.
import { DataSource } from 'typeorm';
import type { CancelContext, CommandParticipant, RunContext } from '../../src/commands/command-context';
import { CommandParticipants } from '../../src/commands/command-participants';
import { InstanceCommandsService } from '../../src/commands/instance-commands.service';
import { startTestApp, type TestApp } from '../support/app';
import { simpleTaskProcess } from '../support/bpmn';

describe('command pipeline', () => {
  let t: TestApp;
  const seen: string[] = [];
  const callbacks: string[] = [];
  let refuse = false;
  const probe: CommandParticipant = {
    name: 'probe',
    phase: 10_000,
    async onRun(ctx: RunContext) {
      if (refuse) throw new Error('probe refuses');
      seen.push(`run ${ctx.result.completed ? 'completed' : 'waiting'} rev ${ctx.instance.revision} new ${ctx.newInstance} task ${ctx.completedTaskId ?? '-'} history ${ctx.history.map((h) => h.type).join(',')}`);
      ctx.afterCommit(() => callbacks.push(`commit ${ctx.instance.revision}`));
      ctx.onRollback(() => callbacks.push(`rollback ${ctx.instance.revision}`));
    },
    async onCancel(ctx: CancelContext) {
      seen.push(`cancel ${ctx.reason} history ${ctx.history.map((h) => h.type).join(',')}`);
    },
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(CommandParticipants).register(probe);
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('pipeline-probe') }).expect(201);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    seen.length = 0;
    callbacks.length = 0;
    refuse = false;
  });

  it('runs every feature as a participant, in phase order, with the probe last', () => {
    const names = t.app.get(CommandParticipants).names().map((n) => n.replace(/^\d+ /, ''));
    expect(names).toEqual(['migration', 'tasks', 'timers', 'message subscriptions', 'signal subscriptions', 'external tasks', 'child instances', 'incidents', 'no stuck instance', 'escalations', 'sla clocks', 'surveys', 'history', 'outbox', 'audit', 'probe']);
  });

  it('hands start, completion and cancel to a participant registered from outside, with one context each', async () => {
    // when an instance starts, its task is completed, and a second one is cancelled
    const a = (await t.http.post('/api/process-instances').send({ definitionKey: 'pipeline-probe' }).expect(201)).body;
    const task = (await t.http.get(`/api/tasks?processInstanceId=${a.id}`).expect(200)).body.items[0];
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { done: true } }).expect(200);
    const b = (await t.http.post('/api/process-instances').send({ definitionKey: 'pipeline-probe' }).expect(201)).body;
    await t.http.delete(`/api/process-instances/${b.id}`).send({ reason: 'duplicate' }).expect(200);
    // then the probe saw each command after the features had written their history
    expect(seen[0]).toMatch(/^run waiting rev 1 new true task - history process\.started,.*task\.created/);
    expect(seen[1]).toMatch(new RegExp(`^run completed rev 2 new false task ${task.id} history .*task\\.completed.*process\\.completed`));
    expect(seen[3]).toBe('cancel duplicate history instance.cancelled');
    expect(callbacks).toEqual(['commit 1', 'commit 2', 'commit 1']);
  });

  it('rolls the whole command back when a participant refuses, and runs its on-rollback callbacks', async () => {
    // given a waiting instance
    const a = (await t.http.post('/api/process-instances').send({ definitionKey: 'pipeline-probe' }).expect(201)).body;
    callbacks.length = 0;
    // when the probe refuses the second of two commands in one transaction (the first registered its callbacks)
    const commands = t.app.get(InstanceCommandsService);
    await expect(
      commands.transaction(async (em) => {
        await commands.executeIn(em, a.id, async () => ({ action: { type: 'resume' } }));
        refuse = true;
        await commands.executeIn(em, a.id, async () => ({ action: { type: 'resume' } }));
      }),
    ).rejects.toThrow('probe refuses');
    // then nothing of either command stays, and only the rollback callbacks ran
    const [row] = await t.app.get(DataSource).query('SELECT status, revision FROM process_instances WHERE id = $1', [a.id]);
    expect(row).toEqual({ status: 'active', revision: 1 });
    expect((await t.http.get(`/api/tasks?processInstanceId=${a.id}`).expect(200)).body.items[0].status).toBe('open');
    expect(callbacks).toEqual(['rollback 2']);
  });
});

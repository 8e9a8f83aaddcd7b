// Every endpoint that changes state writes an audit entry: the test walks the OpenAPI document, calls each POST / PUT /
// PATCH / DELETE with an example (a fixture made for it), and wants a new entry by the caller for each 2xx answer. An
// operation with neither an example nor a written-out exemption fails, so a new endpoint cannot slip through unaudited.
import { DataSource } from 'typeorm';
import { runAudited, type PendingAudit } from '../../src/audit/audit-request';
import { InstanceCommandsService } from '../../src/commands/instance-commands.service';
import { FakeClock } from '../../src/common/clock';
import { DefinitionCache } from '../../src/definitions/definition-cache';
import { IncidentRetryService } from '../../src/incidents/incident-retry.service';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { startTestApp, type TestApp } from '../support/app';
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { feesProcessXml } from '../support/fees-process';
import { fillForm } from '../support/scenario';
import { WebhookReceiver } from '../support/webhook-receiver';

type Agent = TestApp['http'];
interface Call {
  path: string;
  body?: Record<string, unknown>;
  attach?: { field: string; data: Buffer; filename: string; contentType: string };
  /** Who calls (default: the admin); the entry must name them. */
  as?: Agent & { token?: string };
  actor?: string;
  /** The action the entry must carry. */
  action: string;
}

/** Not walked, each with why: no change of state, or a change audited another way. */
const EXEMPT: Record<string, string> = {
  'POST /api/auth/login': 'sign-in: a failed one is audited (auth.login_failed); a success issues a token and changes nothing',
  'POST /api/auth/refresh': 'renews the caller\'s own token; changes nothing',
  'POST /api/definitions/preview': 'read-only: lint and diff of XML, nothing is stored',
  'POST /api/definitions/import/preview': 'read-only: translation preview, nothing is stored',
  'POST /api/external-tasks/fetch-and-lock': 'a worker\'s lease, polled every few seconds: the lock (worker id, expiry) is kept on the external task row; what the worker then does is audited',
  'POST /api/external-tasks/{id}/extend-lock': 'the same lease, renewed',
  'POST /api/external-tasks/{id}/unlock': 'the same lease, given back',
  'POST /api/board/alerts/acknowledge': 'the caller\'s own "seen up to" mark on their board; affects no one else',
  'POST /api/task-filters': 'the caller\'s own saved tasklist filter; affects no one else',
  'DELETE /api/task-filters/{id}': 'the caller\'s own saved tasklist filter; affects no one else',
  'POST /api/public/surveys/{token}': 'the customer (by token) answers: recorded in the instance history in the same transaction',
  'POST /api/public/status/{token}/quote': 'the customer (by token) answers the quote: recorded in the instance history in the same transaction',
  'POST /api/public/status/{token}/opt-out': 'the customer (by token) opts out of updates: recorded on the instance',
  'POST /api/migration/generate': 'read-only: computes a migration plan from two versions, nothing is stored',
  'POST /api/migration/validate': 'read-only: the dry run of a migration plan, nothing is stored',
  'POST /api/process-instances/{id}/notifications/{deliveryId}/retry': 'audited (notification.retried, in the same transaction as the requeue) but not walked here: it needs a failed e-mail/SMS delivery (see test/customer-notifications)',
};

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
const signalDef = '<bpmn:signal id="Sig_Audit" name="auditSignal" /><bpmn:message id="Msg_Audit" name="auditReply" />';
const afterTask = `<bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Task_Do" />
  <bpmn:userTask id="Task_Do" name="Do it" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F3" sourceRef="Task_Do" targetRef="End" /><bpmn:endEvent id="End" name="End" />`;
const PROCESSES = [
  simpleTaskProcess('audit-task'),
  bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
    <bpmn:intermediateCatchEvent id="Wait" name="Reply"><bpmn:messageEventDefinition messageRef="Msg_Audit" /></bpmn:intermediateCatchEvent>${afterTask}`, { id: 'audit-message', messages: signalDef }),
  bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
    <bpmn:intermediateCatchEvent id="Wait" name="Signal"><bpmn:signalEventDefinition signalRef="Sig_Audit" /></bpmn:intermediateCatchEvent>${afterTask}`, { id: 'audit-signal', messages: signalDef }),
  bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
    <bpmn:serviceTask id="Wait" name="Work" camunda:type="external" camunda:topic="auditWork" />${afterTask}`, { id: 'audit-external' }),
];

describe('audit of every change (walks the OpenAPI document)', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  const receiver = new WebhookReceiver(() => ({ status: 200 }));
  let t: TestApp;
  let hookUrl: string;
  let delegate: Agent & { token: string };

  beforeAll(async () => {
    hookUrl = await receiver.start();
    t = await startTestApp({ clock, env: { OUTBOUND_ALLOW: '127.0.0.1', WEBHOOK_POLL_MS: '0' } });
    for (const xml of [...PROCESSES, feesProcessXml()]) await t.http.post('/api/definitions').send({ xml }).expect(201);
    await t.as('ag.li', ['agent']);
    delegate = await t.as('ag.zhao', ['agent']);
    await t.as('ag.wu', ['agent']);
    await t.as('sup.wang', ['supervisor']);
    await t.as('hw.free', ['technician']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const start = async (key: string, variables: Record<string, unknown> = {}) => (await t.http.post('/api/process-instances').send({ definitionKey: key, variables }).expect(201)).body.id as string;
  const openTask = async (instanceId: string, activityId?: string) => {
    const items = (await t.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items;
    return items.find((x: { activityId: string }) => !activityId || x.activityId === activityId);
  };
  const complete = async (instanceId: string, activityId: string, overrides: Record<string, unknown> = {}) => {
    const task = await openTask(instanceId, activityId);
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form, overrides) }).expect(200);
  };
  const lockedTask = async () => {
    const id = await start('audit-external');
    const locked = (await t.http.post('/api/external-tasks/fetch-and-lock').send({ workerId: 'w1', maxTasks: 10, topics: [{ topicName: 'auditWork', lockDuration: 60_000 }] }).expect(200)).body;
    return locked.find((x: { processInstanceId: string }) => x.processInstanceId === id).id as string;
  };
  const incident = async () => {
    const taskId = await lockedTask();
    await t.http.post(`/api/external-tasks/${taskId}/failure`).send({ workerId: 'w1', retries: 0, errorMessage: 'CRM down' }).expect(204);
    const task = (await t.http.get(`/api/external-tasks/${taskId}`).expect(200)).body;
    return (await t.http.get('/api/incidents').query({ processInstanceId: task.processInstanceId }).expect(200)).body.items[0].id as string;
  };
  const escalation = async () => {
    const complaint = { channel: 'phone', customerName: '韩梅梅', customerContact: '+86 137 0000 0000', complaint: 'No call back', urgent: true };
    const id = await start('complaint-escalation', complaint);
    await complete(id, 'Task_RegisterComplaint', { category: 'service', urgent: true });
    clock.advance(15 * 60_000);
    await t.app.get(TimerFiringService).fireDue();
    await t.app.get(IncidentRetryService).retryDue();
    return (await t.http.get('/api/escalations').query({ processInstanceId: id }).expect(200)).body.items[0].id as string;
  };
  const claimed = async () => {
    const task = await openTask(await start('audit-task'));
    await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'ag.li' }).expect(200);
    return task;
  };
  const delegated = async () => {
    const task = await claimed();
    await t.http.post(`/api/tasks/${task.id}/delegate`).send({ userId: 'ag.zhao' }).expect(200);
    return task.id as string;
  };
  const webhook = async () => (await t.http.post('/api/webhooks').send({ url: `${hookUrl}/hooks` }).expect(201)).body.id as string;
  let group = 0;
  let migrating = 0;
  /** An instance on version 1 of a fresh process, a version 2 that renames its task, and the generated plan. */
  const migration = async () => {
    const key = `audit-migrate-${++migrating}`;
    const source = (await t.http.post('/api/definitions').send({ xml: simpleTaskProcess(key) }).expect(201)).body.id;
    const id = await start(key);
    const target = (await t.http.post('/api/definitions').send({ xml: simpleTaskProcess(key).replace('name="Do it"', 'name="Do it now"') }).expect(201)).body.id;
    const migrationPlan = (await t.http.post('/api/migration/generate').send({ sourceProcessDefinitionId: source, targetProcessDefinitionId: target }).expect(200)).body;
    return { migrationPlan, processInstanceIds: [id] };
  };

  const EXAMPLES: Record<string, () => Promise<Call>> = {
    'POST /api/migration/execute': async () => ({ path: '/api/migration/execute', body: await migration(), action: 'instance.migrated' }),
    'POST /api/migration/executeAsync': async () => ({ path: '/api/migration/executeAsync', body: await migration(), action: 'batch.created' }),
    'POST /api/batches': async () => ({ path: '/api/batches', body: { type: 'cancel', ids: [await start('audit-task')], reason: 'test request' }, action: 'batch.created' }),
    'POST /api/demo/remove': async () => ({ path: '/api/demo/remove', body: { confirm: true }, action: 'demo.removed' }),
    'POST /api/simulations': async () => ({ path: '/api/simulations', body: { definitionKey: 'audit-task', model: { arrivals: { byHourOfWeek: [] } }, days: 1, replications: 1 }, action: 'simulation.started' }),
    'POST /api/users': async () => ({ path: '/api/users', body: { username: 'new.user', password: 'new-user-password-1', roles: ['agent'] }, action: 'user.created' }),
    'PATCH /api/users/{id}': async () => {
      const id = (await t.http.get('/api/users').query({ limit: 200 }).expect(200)).body.items.find((u: { username: string }) => u.username === 'ag.wu').id;
      return { path: `/api/users/${id}`, body: { active: false }, action: 'user.updated' };
    },
    'POST /api/api-keys': async () => ({ path: '/api/api-keys', body: { name: 'crm', scopes: ['start'] }, action: 'api_key.created' }),
    'DELETE /api/api-keys/{id}': async () => {
      const id = (await t.http.post('/api/api-keys').send({ name: 'to-revoke', scopes: ['start'] }).expect(201)).body.id;
      return { path: `/api/api-keys/${id}`, action: 'api_key.revoked' };
    },
    'POST /api/groups': async () => ({ path: '/api/groups', body: { id: `g-${++group}` }, action: 'group.created' }),
    'DELETE /api/groups/{id}': async () => {
      await t.http.post('/api/groups').send({ id: 'to-delete' }).expect(201);
      return { path: '/api/groups/to-delete', action: 'group.deleted' };
    },
    'PUT /api/groups/{id}/members/{username}': async () => {
      await t.http.post('/api/groups').send({ id: 'night-shift' }).expect(201);
      return { path: '/api/groups/night-shift/members/ag.li', action: 'group.member-added' };
    },
    'DELETE /api/groups/{id}/members/{username}': async () => ({ path: '/api/groups/night-shift/members/ag.li', action: 'group.member-removed' }),
    'POST /api/webhooks': async () => ({ path: '/api/webhooks', body: { url: `${hookUrl}/crm`, eventTypes: ['process.completed'] }, action: 'webhook.created' }),
    'DELETE /api/webhooks/{id}': async () => ({ path: `/api/webhooks/${await webhook()}`, action: 'webhook.deactivated' }),
    'POST /api/webhooks/{id}/test': async () => ({ path: `/api/webhooks/${await webhook()}/test`, action: 'webhook.tested' }),
    'POST /api/definitions': async () => ({ path: '/api/definitions', body: { xml: simpleTaskProcess('audit-deployed') }, action: 'definition.deployed' }),
    'POST /api/definitions/import': async () => ({ path: '/api/definitions/import', body: { xml: simpleTaskProcess('audit-imported') }, action: 'definition.deployed' }),
    'POST /api/process-instances': async () => ({ path: '/api/process-instances', body: { definitionKey: 'audit-task', variables: { customer: 'Li Na' } }, action: 'instance.started' }),
    'DELETE /api/process-instances/{id}': async () => ({ path: `/api/process-instances/${await start('audit-task')}`, body: { reason: 'test request' }, action: 'instance.cancelled' }),
    'POST /api/messages': async () => ({ path: '/api/messages', body: { messageName: 'auditReply', processInstanceId: await start('audit-message'), variables: { reply: 'yes' } }, action: 'message.correlated' }),
    'POST /api/signals': async () => {
      await start('audit-signal');
      return { path: '/api/signals', body: { name: 'auditSignal' }, action: 'signal.broadcast' };
    },
    'POST /api/incidents/{id}/retry': async () => ({ path: `/api/incidents/${await incident()}/retry`, body: {}, action: 'incident.retried' }),
    'POST /api/incidents/{id}/resolve': async () => ({ path: `/api/incidents/${await incident()}/resolve`, body: { note: 'done by hand', variables: { quote: 120 } }, action: 'incident.resolved' }),
    'POST /api/external-tasks/{id}/complete': async () => ({ path: `/api/external-tasks/${await lockedTask()}/complete`, body: { workerId: 'w1', variables: { ok: { value: true } } }, action: 'external_task.completed' }),
    'POST /api/external-tasks/{id}/failure': async () => ({ path: `/api/external-tasks/${await lockedTask()}/failure`, body: { workerId: 'w1', retries: 2, errorMessage: 'timeout' }, action: 'external_task.failed' }),
    'POST /api/external-tasks/{id}/bpmn-error': async () => ({ path: `/api/external-tasks/${await lockedTask()}/bpmn-error`, body: { workerId: 'w1', errorCode: 'NO_STOCK' }, action: 'external_task.bpmn_error' }),
    'POST /api/tasks/{id}/claim': async () => ({ path: `/api/tasks/${(await openTask(await start('audit-task'))).id}/claim`, body: { assignee: 'ag.li' }, action: 'task.claimed' }),
    'POST /api/tasks/{id}/unclaim': async () => {
      const task = await claimed();
      return { path: `/api/tasks/${task.id}/unclaim`, action: 'task.unclaimed' };
    },
    'POST /api/tasks/{id}/complete': async () => ({ path: `/api/tasks/${(await openTask(await start('audit-task'))).id}/complete`, body: { variables: { done: true } }, action: 'task.completed' }),
    'POST /api/tasks/{id}/delegate': async () => ({ path: `/api/tasks/${(await claimed()).id}/delegate`, body: { userId: 'ag.zhao' }, action: 'task.delegated' }),
    'POST /api/tasks/{id}/resolve': async () => ({ path: `/api/tasks/${await delegated()}/resolve`, body: {}, as: delegate, actor: 'user:ag.zhao', action: 'task.resolved' }),
    'PUT /api/tasks/{id}/follow-up': async () => ({ path: `/api/tasks/${(await openTask(await start('audit-task'))).id}/follow-up`, body: { followUp: '2026-01-06T01:00:00.000Z' }, action: 'task.followUp' }),
    'POST /api/process-instances/{id}/comments': async () => ({ path: `/api/process-instances/${await start('audit-task')}/comments`, body: { body: 'called the customer' }, action: 'comment.added' }),
    'POST /api/process-instances/{id}/attachments': async () => ({ path: `/api/process-instances/${await start('audit-task')}/attachments`, attach: { field: 'file', data: PNG, filename: 'fault.png', contentType: 'image/png' }, action: 'attachment.added' }),
    'PUT /api/dispatch/technicians/{username}': async () => ({ path: '/api/dispatch/technicians/hw.free', body: { skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 3 }, action: 'technician.profile.set' }),
    'DELETE /api/dispatch/technicians/{username}': async () => {
      await t.as('hw.gone', ['technician']);
      await t.http.put('/api/dispatch/technicians/hw.gone').send({ skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 1 }).expect(200);
      return { path: '/api/dispatch/technicians/hw.gone', action: 'technician.profile.deleted' };
    },
    'POST /api/dispatch/process-instances/{id}/override': async () => {
      await t.http.put('/api/dispatch/technicians/hw.free').send({ skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 3 }).expect(200);
      await t.as('hw.two', ['technician']);
      await t.http.put('/api/dispatch/technicians/hw.two').send({ skills: ['software'], regions: ['Beijing'], calendar: '24x7', capacity: 3 }).expect(200);
      const id = await start('service-request', { channel: 'phone', customerName: 'Li Wei', customerContact: '+86 138 0000 0000', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' });
      await complete(id, 'Task_RecordRequest');
      await complete(id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P3', simpleFault: false });
      return { path: `/api/dispatch/process-instances/${id}/override`, body: { technician: 'hw.two', reason: 'knows this customer' }, action: 'dispatch.overridden' };
    },
    'POST /api/escalations/{id}/acknowledge': async () => ({ path: `/api/escalations/${await escalation()}/acknowledge`, body: {}, action: 'escalation.acknowledged' }),
    'POST /api/escalations/{id}/reassign': async () => ({ path: `/api/escalations/${await escalation()}/reassign`, body: { assignee: 'sup.wang' }, action: 'escalation.reassigned' }),
    'POST /api/escalations/{id}/resolve': async () => ({ path: `/api/escalations/${await escalation()}/resolve`, body: { note: 'called back' }, action: 'escalation.resolved' }),
  };

  it('writes an entry by the caller for every state-changing operation that answers 2xx', async () => {
    const doc = (await t.anon.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const op of ops) {
      if (EXEMPT[op]) continue;
      const example = EXAMPLES[op];
      if (!example) {
        failures.push(`${op}: no example and no exemption`);
        continue;
      }
      const call = await example();
      const actor = call.actor ?? 'user:admin';
      const before = await entriesBy(actor);
      const method = op.split(' ')[0].toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
      let req = (call.as ?? t.http)[method](call.path);
      if (call.attach) req = req.attach(call.attach.field, call.attach.data, { filename: call.attach.filename, contentType: call.attach.contentType });
      const res = call.attach ? await req : await req.send(call.body ?? {});
      if (res.status >= 300) {
        failures.push(`${op}: example answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        continue;
      }
      const fresh = (await entriesBy(actor)).filter((e) => !before.some((b) => b.id === e.id));
      if (!fresh.some((e) => e.action === call.action)) failures.push(`${op}: no "${call.action}" entry by ${actor} (new: ${fresh.map((e) => e.action).join(', ') || 'none'})`);
    }
    expect(failures).toEqual([]);
    // Operations named here must still exist: a renamed endpoint would otherwise lose its check silently.
    expect([...Object.keys(EXAMPLES), ...Object.keys(EXEMPT)].filter((op) => !ops.includes(op))).toEqual([]);
  }, 300_000);

  it('an incident resolved with variables names them (never their values) on the instance\'s entry, in the same commit', async () => {
    const id = await incident();
    await t.http.post(`/api/incidents/${id}/resolve`).send({ note: 'quoted by phone', variables: { quote: 4200, customerPhone: '+86 138 0000 0000' } }).expect(200);
    const [entry] = (await t.http.get('/api/audit').query({ action: 'incident.resolved' }).expect(200)).body.items;
    expect(entry).toMatchObject({ actor: 'user:admin', detail: expect.objectContaining({ id, note: 'quoted by phone', variables: ['quote', 'customerPhone'] }) });
    expect(JSON.stringify(entry.detail)).not.toContain('4200');
  });

  it('a failed task completion\'s incident (its own kind of retry and resolve) is audited too', async () => {
    const dataIncident = async () => {
      const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'fees-then-wait', variables: { delay: '2 minutes' } }).expect(201)).body.id;
      const task = await openTask(id);
      await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { amount: 350.5 } }).expect(422);
      return (await t.http.get('/api/incidents').query({ processInstanceId: id }).expect(200)).body.items[0].id as string;
    };
    const retried = await dataIncident();
    await t.http.post(`/api/incidents/${retried}/retry`).send({ variables: { delay: 'PT2M' } }).expect(200);
    const resolved = await dataIncident();
    await t.http.post(`/api/incidents/${resolved}/resolve`).send({ note: 'fixed the fee by hand' }).expect(200);
    const entries = (await t.http.get('/api/audit').query({ actor: 'user:admin', limit: 200 }).expect(200)).body.items as { action: string; detail: Record<string, unknown> }[];
    expect(entries.find((e) => e.action === 'incident.retried' && e.detail.id === retried)?.detail).toMatchObject({ variables: ['delay'] });
    expect(entries.find((e) => e.action === 'incident.resolved' && e.detail.id === resolved)?.detail).toMatchObject({ note: 'fixed the fee by hand' });
  });

  it('the entry is written in the command\'s transaction: it commits with the change and rolls back with it', async () => {
    // given an audited request's pending entry, as the interceptor opens it
    const pending = (): PendingAudit => ({ actor: 'user:ops.li', action: 'instance.started', targetType: 'process-instance', targetId: null, detail: {}, instances: new Set(), written: 0, closed: false });
    const commands = t.app.get(InstanceCommandsService);
    const definition = await t.app.get(DefinitionCache).latest('audit-task');
    const instanceRows = async () => Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM process_instances WHERE definition_key = 'audit-task'`))[0].n);
    const before = await instanceRows();
    // when a command succeeds, then its transaction fails afterwards
    await expect(runAudited(pending(), () => commands.transaction(async (em) => {
      await commands.startIn(em, definition, null, {});
      throw new Error('refused after the command');
    }))).rejects.toThrow('refused after the command');
    // then neither the instance nor its entry is there
    expect(await instanceRows()).toBe(before);
    expect(await entriesBy('user:ops.li')).toEqual([]);
    // when it commits, the entry names the instance it started
    const ok = pending();
    const { instance } = await runAudited(ok, () => commands.transaction((em) => commands.startIn(em, definition, null, {})));
    expect(ok.written).toBe(1);
    expect(await entriesBy('user:ops.li')).toEqual([expect.objectContaining({ action: 'instance.started', targetType: 'process-instance', targetId: instance.id })]);
  });

  async function entriesBy(actor: string): Promise<{ id: string; action: string }[]> {
    return (await t.http.get('/api/audit').query({ actor, limit: 200 }).expect(200)).body.items;
  }
});

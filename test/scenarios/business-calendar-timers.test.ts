// Scenario tests: BPMN timers on a business calendar (complaint escalation on service-desk hours, a DST zone, a timer
// that follows an SLA pause, a calendar edited while timers are armed).
import { createBusinessCalendar, type BusinessCalendar } from '../../src/sla/business-calendar';
import { SlaConfig } from '../../src/sla/sla-config';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { TimerReplanner } from '../../src/timers/timer-replanner';
import { bpmn } from '../support/bpmn';
import { MINUTE, Scenario, type InstanceView } from '../support/scenario';

const shanghai = (local: string) => new Date(`${local}:00+08:00`);
const complaint = (urgent: boolean) => ({ channel: 'phone', customerName: '李雷', customerContact: '+86 139 0000 0000', complaint: 'late', urgent });

/** start → a user task with a boundary timer (the timer's camunda properties given) → end; the timer leads to a task. */
function timedTask(id: string, timer: string, properties: string): string {
  const form = `<camunda:formData><camunda:formField id="done" label="Done" type="boolean" /></camunda:formData>`;
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Work" />
    <bpmn:userTask id="Task_Work" name="Work" camunda:candidateGroups="agent"><bpmn:extensionElements>${form}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:boundaryEvent id="Timer_Late" name="Late" attachedToRef="Task_Work">
      <bpmn:extensionElements><camunda:properties>${properties}</camunda:properties></bpmn:extensionElements>
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${timer}</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Work" targetRef="End" />
    <bpmn:endEvent id="End" name="Done" />
    <bpmn:sequenceFlow id="F3" sourceRef="Timer_Late" targetRef="Task_Escalated" />
    <bpmn:userTask id="Task_Escalated" name="Escalated" camunda:candidateGroups="supervisor"><bpmn:extensionElements>${form}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="F4" sourceRef="Task_Escalated" targetRef="End2" />
    <bpmn:endEvent id="End2" name="Escalated end" />`,
    { id },
  );
}

/** A repair subprocess (diagnose → wait for parts, slaPause → repair) under a timer that follows repair-resolution's pauses. */
function repairProcess(): string {
  const form = `<camunda:formData><camunda:formField id="done" label="Done" type="boolean" /></camunda:formData>`;
  const task = (id: string, extra = '') => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="technician"><bpmn:extensionElements>${extra}${form}</bpmn:extensionElements></bpmn:userTask>`;
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub_Repair" />
    <bpmn:subProcess id="Sub_Repair" name="Repair">
      <bpmn:startEvent id="Sub_Start" name="Begin" />
      <bpmn:sequenceFlow id="S1" sourceRef="Sub_Start" targetRef="Task_Diagnose" />
      ${task('Task_Diagnose')}
      <bpmn:sequenceFlow id="S2" sourceRef="Task_Diagnose" targetRef="Task_WaitParts" />
      ${task('Task_WaitParts', '<camunda:properties><camunda:property name="slaPause" value="true" /></camunda:properties>')}
      <bpmn:sequenceFlow id="S3" sourceRef="Task_WaitParts" targetRef="Task_Repair" />
      ${task('Task_Repair')}
      <bpmn:sequenceFlow id="S4" sourceRef="Task_Repair" targetRef="Sub_End" />
      <bpmn:endEvent id="Sub_End" name="Repaired" />
    </bpmn:subProcess>
    <bpmn:boundaryEvent id="Timer_Overdue" name="Overdue" attachedToRef="Sub_Repair">
      <bpmn:extensionElements><camunda:properties><camunda:property name="pauseWith" value="repair-resolution" /></camunda:properties></bpmn:extensionElements>
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT8H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Sub_Repair" targetRef="End" />
    <bpmn:endEvent id="End" name="Done" />
    <bpmn:sequenceFlow id="F3" sourceRef="Timer_Overdue" targetRef="Task_Escalated" />
    ${task('Task_Escalated')}
    <bpmn:sequenceFlow id="F4" sourceRef="Task_Escalated" targetRef="End2" />
    <bpmn:endEvent id="End2" name="Escalated end" />`,
    { id: 'repair-with-pause' },
  );
}

describe('BPMN timers on a business calendar', () => {
  const s = new Scenario();
  let sla: SlaConfig;
  beforeAll(async () => {
    await s.setUp();
    sla = s.t.app.get(SlaConfig);
  });
  afterAll(() => s.tearDown());

  const fired = (view: InstanceView, activityId: string) => view.history.filter((h) => h.type === 'timer.fired' && h.activityId === activityId).length;

  async function registered(urgent: boolean, businessKey: string) {
    const { id } = await s.start('complaint-escalation', complaint(urgent), businessKey);
    await s.complete(id, 'Task_RegisterComplaint', { category: 'attitude', urgent });
    return id;
  }

  /** Moves the clock to `at` (firing what falls due on the way, as the poller would). */
  const advanceTo = (at: Date) => s.advance(at.getTime() - s.clock.now().getTime());

  /**
   * The open tasks once what fell due has fired, the clock standing still: a claim skips an instance that a background
   * command (a notification worker) holds at that moment, so like the poller's next tick this polls again a few times.
   */
  async function openTasksOnceFired(id: string, expected: string[]): Promise<InstanceView> {
    for (let attempt = 0; ; attempt++) {
      const view = await s.instance(id);
      if (JSON.stringify(s.openTasks(view).sort()) === JSON.stringify([...expected].sort()) || attempt >= 40) return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await s.t.app.get(TimerFiringService).fireDue();
    }
  }

  it('a normal complaint at 17:55 on the Friday before Qingming escalates at 09:55 on the Tuesday after it', async () => {
    // given Friday 2026-04-03 17:55; Saturday–Monday 4–6 April are the Qingming holiday
    s.clock.set(shanghai('2026-04-03T17:55'));
    const id = await registered(false, 'CAL-QINGMING');
    // then 5 working minutes on Friday, 55 on Tuesday
    const armed = await s.instance(id);
    expect(armed.timers[0]).toMatchObject({ activityId: 'Timer_L1', dueAt: shanghai('2026-04-07T09:55').toISOString(), paused: false, workingLeftMs: 60 * MINUTE, calendar: { id: 'service-desk', timeZone: 'Asia/Shanghai' } });
    // and the first-response SLA clock of the same task agrees
    expect(armed.sla.find((c) => c.policy === 'complaint-first-response')).toMatchObject({ dueAt: shanghai('2026-04-07T09:55').toISOString() });
    // when the holiday passes, nothing escalates; at 09:55 on Tuesday it does
    await advanceTo(shanghai('2026-04-07T09:54'));
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL1']);
    await s.advance(MINUTE);
    const escalated = await openTasksOnceFired(id, ['Task_HandleL2']);
    expect(s.openTasks(escalated)).toEqual(['Task_HandleL2']);
    expect(fired(escalated, 'Timer_L1')).toBe(1);
  });

  it('an urgent complaint registered at 08:50 on a workday escalates at 09:15', async () => {
    s.clock.set(shanghai('2026-04-08T08:50'));
    const id = await registered(true, 'CAL-URGENT');
    expect((await s.instance(id)).timers[0].dueAt).toBe(shanghai('2026-04-08T09:15').toISOString());
    await advanceTo(shanghai('2026-04-08T09:14'));
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL1']);
    await s.advance(MINUTE);
    expect(s.openTasks(await openTasksOnceFired(id, ['Task_HandleL2']))).toEqual(['Task_HandleL2']);
  });

  it('a DST change inside the window counts exactly (Europe/Berlin, spring forward: Sunday has 23 working hours)', async () => {
    // given a calendar open Mon–Fri 08:00–20:00 and all of Sunday, in Berlin
    const allDay = [{ from: '00:00', to: '24:00' }];
    const day = [{ from: '08:00', to: '20:00' }];
    sla.calendars.set('berlin-dst', createBusinessCalendar({ id: 'berlin-dst', name: 'Berlin', timeZone: 'Europe/Berlin', workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: allDay } }));
    await s.t.http.post('/api/definitions').send({ xml: timedTask('berlin-timer', 'PT24H', '<camunda:property name="calendar" value="berlin-dst" />') }).expect(201);
    // when the timer starts on Saturday 28 March 2026 at noon (closed)
    s.clock.set('2026-03-28T11:00:00Z');
    const { id } = await s.start('berlin-timer', {});
    // then Sunday 29 March (clocks go 02:00 → 03:00) counts 23 h, and the 24th is Monday 08:00–09:00 CEST (07:00Z)
    expect((await s.instance(id)).timers[0].dueAt).toBe('2026-03-30T07:00:00.000Z');
    await advanceTo(new Date('2026-03-30T06:59:00Z'));
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_Work']);
    await s.advance(MINUTE);
    expect(s.openTasks(await openTasksOnceFired(id, ['Task_Escalated']))).toEqual(['Task_Escalated']);
  });

  it('a timer that follows the repair SLA stops while waiting for parts and resumes with the working time left', async () => {
    await s.t.http.post('/api/definitions').send({ xml: repairProcess() }).expect(201);
    // given Monday 2026-04-13 09:00: 8 working hours (repair-resolution counts service-desk hours)
    s.clock.set(shanghai('2026-04-13T09:00'));
    const { id } = await s.start('repair-with-pause', {});
    expect((await s.instance(id)).timers[0].dueAt).toBe(shanghai('2026-04-13T18:00').toISOString());
    // when diagnosis takes 2 h, then the parts take until Thursday 10:00
    await advanceTo(shanghai('2026-04-13T11:00'));
    await s.complete(id, 'Task_Diagnose');
    const paused = await s.instance(id);
    expect(paused.history.filter((h) => h.type === 'timer.paused')).toHaveLength(1);
    expect(paused.history.find((h) => h.type === 'timer.paused')?.detail).toMatchObject({ remainingWorkMs: 6 * 60 * MINUTE });
    expect(paused.timers[0]).toMatchObject({ activityId: 'Timer_Overdue', paused: true, dueAt: null, workingLeftMs: 6 * 60 * MINUTE });
    await advanceTo(shanghai('2026-04-16T10:00'));
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_WaitParts']);
    const resumed = await s.complete(id, 'Task_WaitParts');
    // then the 6 working hours left are 10–12 and 13–17 on Thursday
    expect(resumed.timers[0].dueAt).toBe(shanghai('2026-04-16T17:00').toISOString());
    await advanceTo(shanghai('2026-04-16T16:59'));
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_Repair']);
    await s.advance(MINUTE);
    const overdue = await openTasksOnceFired(id, ['Task_Escalated']);
    expect(s.openTasks(overdue)).toEqual(['Task_Escalated']);
    expect(fired(overdue, 'Timer_Overdue')).toBe(1);
  });

  it('a calendar edited while a timer is armed re-plans it once, in one transaction, and it fires once', async () => {
    const original = sla.calendars.get('service-desk')!;
    const replanner = s.t.app.get(TimerReplanner);
    try {
      // given a normal complaint at 17:30 on Monday 20 April: due Tuesday 09:30
      s.clock.set(shanghai('2026-04-20T17:30'));
      const id = await registered(false, 'CAL-EDIT');
      expect((await s.instance(id)).timers[0].dueAt).toBe(shanghai('2026-04-21T09:30').toISOString());
      // when Tuesday becomes a holiday
      const edited: BusinessCalendar = { ...original, holidays: [...original.holidays, '2026-04-21'] };
      sla.calendars.set('service-desk', edited);
      expect(await replanner.replanEdited()).toBeGreaterThanOrEqual(1);
      expect(await replanner.replanEdited()).toBe(0); // nothing left to re-plan
      // then the timer is due Wednesday 09:30, with one history entry
      const replanned = await s.instance(id);
      expect(replanned.timers[0].dueAt).toBe(shanghai('2026-04-22T09:30').toISOString());
      expect(replanned.history.filter((h) => h.type === 'timer.replanned').map((h) => h.detail)).toEqual([
        expect.objectContaining({ calendar: 'service-desk', previousDueAt: shanghai('2026-04-21T09:30').toISOString(), dueAt: shanghai('2026-04-22T09:30').toISOString() }),
      ]);
      // and it neither fires at the old time nor twice
      await advanceTo(shanghai('2026-04-21T09:30'));
      expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL1']);
      await advanceTo(shanghai('2026-04-22T09:30'));
      await s.advance(MINUTE);
      const escalated = await openTasksOnceFired(id, ['Task_HandleL2']);
      expect(s.openTasks(escalated)).toEqual(['Task_HandleL2']);
      expect(fired(escalated, 'Timer_L1')).toBe(1);
    } finally {
      sla.calendars.set('service-desk', original);
    }
  });

  it('an event-subprocess timer cycle counts working time for each occurrence', async () => {
    const task = (id: string) => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="agent" />`;
    const xml = bpmn(
      `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work" />${task('Work')}
      <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="End" /><bpmn:endEvent id="End" name="e" />
      <bpmn:subProcess id="Remind" name="Remind" triggeredByEvent="true">
        <bpmn:startEvent id="Remind_Start" name="hourly" isInterrupting="false">
          <bpmn:extensionElements><camunda:properties><camunda:property name="calendar" value="service-desk" /></camunda:properties></bpmn:extensionElements>
          <bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="R1" sourceRef="Remind_Start" targetRef="Nudge" />${task('Nudge')}<bpmn:sequenceFlow id="R2" sourceRef="Nudge" targetRef="Remind_End" /><bpmn:endEvent id="Remind_End" name="e" />
      </bpmn:subProcess>`,
      { id: 'calendar-reminders' },
    );
    await s.t.http.post('/api/definitions').send({ xml }).expect(201);
    // given Friday 2026-06-05 17:30: half an hour today, half an hour on Monday
    s.clock.set(shanghai('2026-06-05T17:30'));
    const { id } = await s.start('calendar-reminders', {});
    expect((await s.instance(id)).timers).toEqual([expect.objectContaining({ activityId: 'Remind_Start', dueAt: shanghai('2026-06-08T09:30').toISOString() })]);
    await advanceTo(shanghai('2026-06-08T09:29'));
    expect(s.openTasks(await s.instance(id))).toEqual(['Work']);
    await s.advance(MINUTE);
    // then the reminder runs (one run at a time: no next occurrence while it does)
    expect(s.openTasks(await openTasksOnceFired(id, ['Nudge', 'Work'])).sort()).toEqual(['Nudge', 'Work']);
    // and once it is done at 11:40, the next one is a working hour later, after lunch
    await advanceTo(shanghai('2026-06-08T11:40'));
    const done = await s.complete(id, 'Nudge');
    expect(done.timers).toEqual([expect.objectContaining({ activityId: 'Remind_Start', dueAt: shanghai('2026-06-08T13:40').toISOString() })]);
  });

  it('a timer start event on a calendar moves each occurrence to the next working moment (weekend ones fire once, Monday 09:00)', async () => {
    const started = async () => (await s.t.http.get('/api/process-instances?definitionKey=calendar-daily').expect(200)).body.total;
    const xml = bpmn(
      `<bpmn:startEvent id="Tick" name="Daily at 08:00">
        <bpmn:extensionElements><camunda:properties><camunda:property name="calendar" value="service-desk" /></camunda:properties></bpmn:extensionElements>
        <bpmn:timerEventDefinition><bpmn:timeCycle>0 0 8 * * *</bpmn:timeCycle></bpmn:timerEventDefinition>
      </bpmn:startEvent>
      <bpmn:sequenceFlow id="F1" sourceRef="Tick" targetRef="Work" /><bpmn:userTask id="Work" name="Work" camunda:candidateGroups="agent" />
      <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
      { id: 'calendar-daily' },
    );
    // given deployed on Friday 2026-07-03 10:00: Saturday's and Sunday's 08:00 are outside service-desk hours
    s.clock.set(shanghai('2026-07-03T10:00'));
    await s.t.http.post('/api/definitions').send({ xml }).expect(201);
    // when the weekend passes, nothing starts; Monday at 09:00 one instance does
    await advanceTo(shanghai('2026-07-06T08:59'));
    expect(await started()).toBe(0);
    await s.advance(MINUTE);
    expect(await started()).toBe(1);
    // then Tuesday's 08:00 starts at 09:00
    await advanceTo(shanghai('2026-07-07T08:59'));
    expect(await started()).toBe(1);
    await s.advance(MINUTE);
    expect(await started()).toBe(2);
  });

  it('the deploy check refuses an unknown calendar (or pauseWith policy) with the element id', async () => {
    // 400 like every deploy refusal of a broken diagram (an unknown SLA policy is refused the same way)
    const res = await s.t.http.post('/api/definitions').send({ xml: timedTask('bad-calendar', 'PT1H', '<camunda:property name="calendar" value="moon-base" />') }).expect(400);
    expect(JSON.stringify(res.body)).toMatch(/Timer_Late/);
    expect(JSON.stringify(res.body)).toMatch(/unknown business calendar \\"moon-base\\"/);
    const policy = await s.t.http.post('/api/definitions').send({ xml: timedTask('bad-pause', 'PT1H', '<camunda:property name="pauseWith" value="gold-plated" />') }).expect(400);
    expect(JSON.stringify(policy.body)).toMatch(/unknown SLA policy \(pauseWith\) \\"gold-plated\\"/);
  });
});

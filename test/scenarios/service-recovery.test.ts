// Scenario tests of survey answers and service recovery with a fake clock: a low overall CSAT or NPS starts a
// supervisor call-back, or a complaint linked to the original request when the customer asks for one.
import { DataSource } from 'typeorm';
import { HOUR } from '../support/scenario';
import { relay, resolveRemotely, surveyScenario, surveysOf, tokensReceived } from '../support/surveys';

const allFives = { responseSpeed: 5, professionalism: 5, resolutionEffect: 5, communication: 5, attitude: 5, transparency: 5, fairCharges: 5, brandImpression: 5 };

describe('survey answers and service recovery', () => {
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  beforeAll(async () => { ctx = await surveyScenario(); });
  afterAll(() => ctx.close());

  /** Resolves a request and lets the survey go out; returns the request id, the survey and its link token. */
  async function surveySent(businessKey: string) {
    const { s, gateway } = ctx;
    const requestId = await resolveRemotely(s, businessKey);
    await relay(s);
    await s.advance(24 * HOUR);
    const [survey] = await surveysOf(s, requestId);
    return { requestId, survey, token: (await tokensReceived(s, gateway)).at(-1)! };
  }

  const outboxRows = (type: string) => ctx.s.t.app.get(DataSource).query('SELECT instance_id, roles, payload FROM outbox WHERE type = $1', [type]);

  it('a good answer is stored and ends the survey without recovery; the link is then used up (409)', async () => {
    const { s } = ctx;
    const { requestId, token } = await surveySent('SR-REC-1');
    // when
    const res = await s.t.http.post(`/api/public/surveys/${token}`).send({ scores: allFives, overall: 5, nps: 9, suggestions: '  很好  ' }).expect(200);
    // then
    expect(res.body).toEqual({ status: 'answered', recovery: null });
    const [answered] = await surveysOf(s, requestId);
    expect(answered).toMatchObject({ status: 'answered', overall: 5, nps: 9, scores: allFives, suggestions: '很好', lowScore: false, recovery: null });
    expect(await s.instance(answered.processInstanceId)).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_Answered' });
    const again = await s.t.http.post(`/api/public/surveys/${token}`).send({ scores: {}, overall: 1, nps: 0 }).expect(409);
    expect(again.body.details).toEqual([{ field: 'token', message: 'answered' }]);
    await s.t.http.get(`/api/public/surveys/${token}`).expect(409);
  });

  it('overall CSAT ≤ 2 starts a supervisor call-back task on the survey, linked to the request, announced to supervisors', async () => {
    const { s } = ctx;
    const { survey, token } = await surveySent('SR-REC-2');
    // when
    const res = await s.t.http.post(`/api/public/surveys/${token}`).send({ scores: { attitude: 1 }, overall: 2, nps: 7 }).expect(200);
    // then
    expect(res.body.recovery).toBe('callback');
    const view = await s.instance(survey.processInstanceId);
    expect(s.openTasks(view)).toEqual(['Task_RecoveryCallback']);
    expect(view.tasks[0].candidateRoles).toEqual(['supervisor']);
    expect(view.variables).toMatchObject({ sourceBusinessKey: 'SR-REC-2', overall: 2, lowScore: true });
    const events = (await outboxRows('recovery.started')).filter((r: any) => r.instance_id === survey.processInstanceId);
    expect(events).toHaveLength(1);
    expect(events[0].roles).toEqual(['supervisor']);
    expect(events[0].payload.detail).toMatchObject({ kind: 'callback', relatedRequestId: 'SR-REC-2', overall: 2 });
    expect((await s.t.http.get(`/api/surveys/${survey.id}`).expect(200)).body.recovery).toEqual({ kind: 'callback', complaintInstanceId: null });
    // the supervisor calls back and the survey closes
    const done = await s.complete(survey.processInstanceId, 'Task_RecoveryCallback', { customerReached: true, recoveryAction: 'free maintenance visit' });
    expect(done).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_CalledBack' });
  });

  it('NPS ≤ 6 with a good overall score also starts recovery', async () => {
    const { s } = ctx;
    const { token } = await surveySent('SR-REC-3');
    const res = await s.t.http.post(`/api/public/surveys/${token}`).send({ scores: {}, overall: 4, nps: 6 }).expect(200);
    expect(res.body.recovery).toBe('callback');
  });

  it('a low score with "I want to complain" opens a complaint linked to the original request, once; it is not surveyed again', async () => {
    const { s } = ctx;
    const { survey, token } = await surveySent('SR-REC-4');
    // when
    const res = await s.t.http.post(`/api/public/surveys/${token}`).send({ scores: { resolutionEffect: 1 }, overall: 1, nps: 2, suggestions: 'nobody came', wantsComplaint: true }).expect(200);
    expect(res.body.recovery).toBe('complaint');
    expect(await relay(s)).toBe(1);
    expect(await relay(s)).toBe(0);
    // then
    const complaints = (await s.t.http.get('/api/process-instances?definitionKey=complaint-escalation&businessKey=RC-SV-SR-REC-4-1').expect(200)).body.items;
    expect(complaints).toHaveLength(1);
    const complaint = await s.instance(complaints[0].id);
    expect(complaint.variables).toMatchObject({ relatedRequestId: 'SR-REC-4', recoverySurveyId: survey.id, channel: 'wechat', customerContact: 'wx-wangfang', urgent: false });
    expect(String(complaint.variables.complaint)).toContain('overall 1/5, NPS 2/10');
    expect(String(complaint.variables.complaint)).toContain('nobody came');
    expect(complaint.history.map((h) => h.type)).toContain('recovery.complaint_opened');
    expect((await s.t.http.get(`/api/surveys/${survey.id}`).expect(200)).body.recovery).toEqual({ kind: 'complaint', complaintInstanceId: complaint.id });
    expect(await s.instance(survey.processInstanceId)).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_ComplaintOpened' });
    // when the complaint is resolved
    await s.complete(complaint.id, 'Task_RegisterComplaint', { category: 'service', urgent: false });
    const resolved = await s.complete(complaint.id, 'Task_HandleL1', { response: 'apologised', resolution: 'technician visit booked' });
    // then the supervisor calls back, and no survey of the survey is started
    expect(s.openTasks(resolved)).toEqual(['Task_SupervisorCallback']);
    expect(resolved.history.map((h) => h.type)).toContain('survey.skipped');
    expect(await relay(s)).toBe(0);
    expect(await surveysOf(s, complaint.id)).toHaveLength(0);
  });

  it('an answer after the reminder counts (second link), and the first link is then used up too', async () => {
    const { s, gateway } = ctx;
    const { requestId, token: first } = await surveySent('SR-REC-5');
    await s.advance(72 * HOUR);
    const second = (await tokensReceived(s, gateway)).at(-1)!;
    expect(second).not.toBe(first);
    await s.t.http.post(`/api/public/surveys/${second}`).send({ scores: {}, overall: 4, nps: 8 }).expect(200);
    expect((await surveysOf(s, requestId))[0]).toMatchObject({ status: 'answered', overall: 4 });
    await s.t.http.post(`/api/public/surveys/${first}`).send({ scores: {}, overall: 4, nps: 8 }).expect(409);
  });

  it('answers are validated: 400 with the field, nothing stored', async () => {
    const { s } = ctx;
    const { requestId, token } = await surveySent('SR-REC-6');
    const bad = [
      { scores: {}, overall: 6, nps: 5 },
      { scores: {}, overall: 3, nps: 11 },
      { scores: {}, overall: 3 },
      { scores: { attitude: 0 }, overall: 3, nps: 5 },
      { scores: { attitude: 2.5 }, overall: 3, nps: 5 },
      { scores: { smell: 3 }, overall: 3, nps: 5 },
      { scores: {}, overall: 3, nps: 5, suggestions: 'x'.repeat(2001) },
      { scores: {}, overall: '3', nps: 5 },
    ];
    for (const body of bad) {
      const res = await s.t.http.post(`/api/public/surveys/${token}`).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect((await surveysOf(s, requestId))[0].status).toBe('sent');
  });
});

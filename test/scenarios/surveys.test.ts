// Scenario tests of the satisfaction survey with a fake clock: a resolution schedules one survey, which is sent after
// the delay, reminded, and expires; a reopened request gets a new survey after its next resolution.
import { HOUR } from '../support/scenario';
import { relay, resolveRemotely, surveyMessages, surveyScenario, surveysOf, tokensReceived } from '../support/surveys';

const DAY = 24 * HOUR;

describe('satisfaction survey', () => {
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  beforeAll(async () => { ctx = await surveyScenario(); });
  afterAll(() => ctx.close());

  it('resolution → survey sent after 24 h → reminder after 3 days → expiry 7 days after sending', async () => {
    const { s, gateway } = ctx;
    // given a resolved request
    const requestId = await resolveRemotely(s, 'SR-SURVEY-1');
    // when the relay runs
    expect(await relay(s)).toBe(1);
    // then one survey is scheduled, waiting 24 h
    const [scheduled] = await surveysOf(s, requestId);
    expect(scheduled).toMatchObject({ status: 'scheduled', resolutionKey: `${requestId}#1`, channel: 'wechat', source: { businessKey: 'SR-SURVEY-1', definitionKey: 'service-request', definitionVersion: 1 } });
    const survey = await s.instance(scheduled.processInstanceId);
    expect(survey.activeActivityIds).toEqual(['Timer_SurveyDelay']);
    expect(new Date(survey.timers[0].dueAt).getTime() - s.clock.now().getTime()).toBe(24 * HOUR);
    expect(await tokensReceived(s, gateway)).toHaveLength(0);

    // when 24 h pass
    await s.advance(24 * HOUR);
    // then the link went out as a customer notification, in Chinese through the signed WeChat gateway, and the
    // survey waits for an answer
    const [sent] = await surveysOf(s, requestId);
    expect(sent).toMatchObject({ status: 'sent' });
    expect(new Date(sent.expiresAt).getTime() - new Date(sent.sentAt).getTime()).toBe(7 * DAY);
    const [invitation] = await surveyMessages(s, gateway);
    const first = invitation.token;
    expect(invitation).toMatchObject({ to: 'wx-wangfang', language: 'zh-CN' });
    expect(invitation.text).toContain('请评价我们的服务 SR-SURVEY-1');
    expect(gateway.at('/wechat').filter((r) => r.body.id === (invitation as any).id).every((r) => r.validSignature)).toBe(true);
    // the delivery is logged on the resolved request, beside its other messages
    const log = (await s.t.http.get(`/api/process-instances/${requestId}/notifications`).expect(200)).body.items;
    expect(log.filter((d: any) => d.template.startsWith('survey')).map((d: any) => [d.template, d.channel, d.status])).toEqual([['survey', 'wechat', 'sent']]);
    const page = await s.t.http.get(`/api/public/surveys/${first}`).expect(200);
    expect(page.body).toMatchObject({ status: 'open', customerName: '王芳', about: 'SR-SURVEY-1' });
    expect(page.body.dimensions).toHaveLength(8);
    const sentEvent = (await s.instance(sent.processInstanceId)).history.find((h) => h.type === 'survey.sent');
    expect(sentEvent?.detail).toMatchObject({ kind: 'invitation', channels: ['wechat'] });
    // no link and no token hash in the history: the sender made the token
    expect(JSON.stringify((await s.instance(sent.processInstanceId)).history)).not.toMatch(/tokenHash|\/survey\//);

    // when 3 days pass without an answer
    await s.advance(3 * DAY);
    // then a reminder with a second link went out; both links work
    const [reminded] = await surveysOf(s, requestId);
    expect(reminded.status).toBe('reminded');
    const tokens = await tokensReceived(s, gateway);
    expect(tokens).toHaveLength(2);
    expect((await surveyMessages(s, gateway))[1].text).toContain('提醒：请评价我们的服务 SR-SURVEY-1');
    await s.t.http.get(`/api/public/surveys/${tokens[1]}`).expect(200);
    await s.t.http.get(`/api/public/surveys/${tokens[0]}`).expect(200);

    // when the rest of the 7 days pass
    await s.advance(4 * DAY);
    // then the survey expired and its links answer 410
    const [expired] = await surveysOf(s, requestId);
    expect(expired.status).toBe('expired');
    const view = await s.instance(expired.processInstanceId);
    expect(view).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_Expired' });
    const gone = await s.t.http.get(`/api/public/surveys/${tokens[0]}`).expect(410);
    expect(gone.body.details).toEqual([{ field: 'token', message: 'expired' }]);
    await s.t.http.post(`/api/public/surveys/${tokens[1]}`).send({ scores: {}, overall: 5, nps: 10 }).expect(410);
    expect(await tokensReceived(s, gateway)).toHaveLength(2);
  });

  it('one survey per resolution; a reopened request gets a new survey after its next resolution', async () => {
    const { s } = ctx;
    // given a resolved request whose survey was started
    const requestId = await resolveRemotely(s, 'SR-SURVEY-2');
    await relay(s);
    // when the relay runs again (a second replica, a restart)
    expect(await relay(s)).toBe(0);
    // then still one survey
    expect(await surveysOf(s, requestId)).toHaveLength(1);

    // when the follow-up call finds problems: the request is reopened and resolved again on site
    await s.advance(24 * HOUR);
    await s.complete(requestId, 'Task_FollowUpCall', { problemsFound: true });
    await s.complete(requestId, 'Task_Diagnose', { diagnosis: 'loose cable', partsNeeded: false });
    await s.complete(requestId, 'Task_Repair', { repairNotes: 'fixed the cable' });
    await s.complete(requestId, 'Task_QualityCheck', { fixed: true });
    await s.complete(requestId, 'Task_Settlement', { paymentMethod: 'free' });
    expect(await relay(s)).toBe(1);
    // then a second survey, for the second resolution
    const surveys = await surveysOf(s, requestId);
    expect(surveys.map((x) => x.resolutionKey)).toEqual([`${requestId}#1`, `${requestId}#2`]);
    expect(surveys[1].status).toBe('scheduled');
    expect((await s.instance(requestId)).variables.surveyResolutions).toBe(2);
  });

  it('a survey started by hand for a resolution that already has one is refused (409)', async () => {
    const { s } = ctx;
    const requestId = await resolveRemotely(s, 'SR-SURVEY-3');
    await relay(s);
    const res = await s.t.http.post('/api/process-instances').send({ definitionKey: 'satisfaction-survey', variables: { resolutionKey: `${requestId}#1`, channel: 'phone', customerName: 'x', customerContact: 'y' } });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('one survey per resolution');
    expect(await surveysOf(s, requestId)).toHaveLength(1);
  });

  it('unknown and malformed links answer 404, never 500', async () => {
    const { s } = ctx;
    await s.t.http.get('/api/public/surveys/not-a-token').expect(404);
    await s.t.http.get(`/api/public/surveys/${'A'.repeat(43)}`).expect(404);
    await s.t.http.post(`/api/public/surveys/${'A'.repeat(43)}`).send({ scores: {}, overall: 5, nps: 9 }).expect(404);
  });
});

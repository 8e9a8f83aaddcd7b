// The survey invitation is one more customer notification: in the customer's language, retried when the gateway
// fails (and shown on the request meanwhile), skipped for a customer who opted out; its link works once sent.
import { bpmn } from '../support/bpmn';
import { flushNotifications } from '../support/customer-notify';
import { HOUR } from '../support/scenario';
import { relay, resolveRemotely, surveyMessages, surveyScenario, surveysOf } from '../support/surveys';

const SECOND = 1000;

describe('survey invitation as a customer notification', () => {
  let down = false;
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  beforeAll(async () => { ctx = await surveyScenario({}, () => ({ status: down ? 503 : 202 })); });
  afterAll(() => ctx.close());

  const log = async (id: string) => (await ctx.s.t.http.get(`/api/process-instances/${id}/notifications`).expect(200)).body.items as any[];
  const surveyRows = async (id: string) => (await log(id)).filter((d) => d.template.startsWith('survey'));

  it('speaks English to an English customer; a failing gateway is retried and the failure shows on the request meanwhile', async () => {
    const { s, gateway } = ctx;
    // given an English customer's resolved request, its own messages sent
    const requestId = await resolveRemotely(s, 'SR-SV-EN', { customerLanguage: 'en', customerName: 'Li Wei' });
    await relay(s);
    await flushNotifications(s);
    // when the survey falls due while the WeChat gateway is down
    down = true;
    await s.advance(24 * HOUR);
    await flushNotifications(s);
    // then the invitation waits for another attempt, with the reason on the request's delivery log
    expect(await surveyRows(requestId)).toEqual([expect.objectContaining({ template: 'survey', channel: 'wechat', language: 'en', status: 'pending', attempts: 1, lastError: 'HTTP 503' })]);
    // when the gateway is back and the backoff passed
    down = false;
    s.clock.advance(5 * SECOND);
    const messages = (await surveyMessages(s, gateway)).filter((m) => m.text.includes('SR-SV-EN'));
    // then it went out in English, and its link opens the survey
    expect(await surveyRows(requestId)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, lastError: null })]);
    expect(messages.map((m) => m.language)).toEqual(['en', 'en']); // the failed attempt reached the gateway too
    expect(messages[1].text).toContain('How did we do? SR-SV-EN');
    expect(messages[1].text).toContain('Dear Li Wei');
    const page = await s.t.anon.get(`/api/public/surveys/${messages[1].token}`).expect(200);
    expect(page.body).toMatchObject({ status: 'open', about: 'SR-SV-EN' });
    // the link made for the failed attempt was never seen by the customer, but it names the same survey
    await s.t.anon.get(`/api/public/surveys/${messages[0].token}`).expect(200);
  });

  it('is not sent to a customer who opted out on the request\'s status page', async () => {
    const { s, gateway } = ctx;
    // given a resolved request whose customer opted out from the status link of their first message
    const requestId = await resolveRemotely(s, 'SR-SV-QUIET');
    await flushNotifications(s);
    const first = gateway.at('/wechat').map((r) => (r.body as any).text as string).find((t) => t.includes('SR-SV-QUIET'))!;
    const statusToken = /\/status\/([A-Za-z0-9_-]{43})/.exec(first)![1];
    await s.t.anon.post(`/api/public/status/${statusToken}/opt-out`).expect(200);
    await relay(s);
    // when the survey falls due
    await s.advance(24 * HOUR);
    // then no survey message went out, and the log says why
    expect((await surveyMessages(s, gateway)).filter((m) => m.text.includes('SR-SV-QUIET'))).toEqual([]);
    expect(await surveyRows(requestId)).toEqual([expect.objectContaining({ template: 'survey', status: 'skipped', lastError: 'the customer opted out' })]);
    expect((await surveysOf(s, requestId))[0].status).toBe('sent');
  });

  it('honours the request\'s opt-out flag carried to the survey', async () => {
    const { s, gateway } = ctx;
    const requestId = await resolveRemotely(s, 'SR-SV-NOMSG', { notificationsOptOut: true });
    await relay(s);
    await s.advance(24 * HOUR);
    expect((await surveyMessages(s, gateway)).filter((m) => m.text.includes('SR-SV-NOMSG'))).toEqual([]);
    expect(await surveyRows(requestId)).toEqual([expect.objectContaining({ status: 'skipped', lastError: 'the customer opted out' })]);
  });

  it('a sendSurvey outside a satisfaction-survey instance fails visibly on its log, without stopping the sender', async () => {
    const { s } = ctx;
    // given a custom diagram that calls sendSurvey on its own
    const body = `<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Send" />
      <bpmn:serviceTask id="Send" name="Send survey" camunda:type="external" camunda:topic="sendSurvey" />
      <bpmn:sequenceFlow id="F2" sourceRef="Send" targetRef="End" /><bpmn:endEvent id="End" />`;
    await s.t.http.post('/api/definitions').send({ xml: bpmn(body, { id: 'own-survey' }) }).expect(201);
    const { id } = await s.start('own-survey', { channel: 'wechat', customerContact: 'wx-own', customerName: 'Own' });
    // when the sender runs
    await flushNotifications(s);
    // then the delivery is retried with the reason shown, and other customers' messages still go out
    expect(await surveyRows(id)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.stringContaining('no survey for this message') })]);
    const other = await resolveRemotely(s, 'SR-SV-AFTER');
    await flushNotifications(s);
    expect((await log(other)).map((d) => d.status)).toContain('sent');
  });
});

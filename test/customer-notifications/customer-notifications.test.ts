// Customer notifications on a real PostgreSQL: a request's life (received, appointment, quote, repair done, survey)
// mails the customer in their language (a real SMTP server on loopback), gateways are signed and retried with the failures on the request's delivery log, opt-out is
// honoured, and the status link shows progress and answers the quote (expired / wrong links are refused clearly).
import { FakeClock } from '../../src/common/clock';
import { CustomerNotifyDispatcher } from '../../src/customer-notifications/customer-notify-dispatcher';
import { CustomerNotifyFanout } from '../../src/customer-notifications/customer-notify-fanout';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import { flushNotifications, repairRequest, toQuote } from '../support/customer-notify';
import { relay } from '../support/surveys';
import { Scenario } from '../support/scenario';
import { SmtpReceiver, statusToken } from '../support/smtp-receiver';
import { startTestApp } from '../support/app';
import { WebhookReceiver } from '../support/webhook-receiver';

const SECOND = 1000;

describe('customer notifications', () => {
  const s = new Scenario();
  const smtp = new SmtpReceiver((to) => to.startsWith('bounce'));
  // the SMS gateway is down for its first two requests
  const gateway = new WebhookReceiver((path, n) => ({ status: path === '/sms' && n <= 2 ? 503 : 200 }));

  beforeAll(async () => {
    const [smtpUrl, gatewayUrl] = await Promise.all([smtp.start(), gateway.start()]);
    gateway.secrets.set('/sms', 'sms-secret-1');
    gateway.secrets.set('/wechat', 'wechat-secret-1');
    (s.clock as FakeClock).set('2040-03-05T01:00:00Z');
    s.t = await startTestApp({
      clock: s.clock,
      env: { NOTIFY_POLL_MS: '0', SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', NOTIFY_SMTP_URL: smtpUrl, NOTIFY_SMS_URL: `${gatewayUrl}/sms`, NOTIFY_SMS_SECRET: 'sms-secret-1', NOTIFY_WECHAT_URL: `${gatewayUrl}/wechat`, NOTIFY_WECHAT_SECRET: 'wechat-secret-1', NOTIFY_MAX_ATTEMPTS: '3', OUTBOUND_ALLOW: '127.0.0.1', PUBLIC_BASE_URL: 'https://service.example.com' },
    });
  });
  afterAll(async () => {
    await s.tearDown();
    await Promise.all([smtp.stop(), gateway.stop()]);
  });

  const log = async (id: string) => (await s.t.http.get(`/api/process-instances/${id}/notifications`).expect(200)).body.items as any[];

  it('a request\'s life mails the customer in English: received, technician and appointment, quote, repair done, survey; the link answers the quote', async () => {
    // given a customer who speaks English
    const { id } = await s.start('service-request', repairRequest({ customerLanguage: 'en' }), 'SR-MAIL-1');
    // when the request goes to its quote and the notifications are sent
    await toQuote(s, id, 650);
    await flushNotifications(s);
    // then three mails arrived, in English, each with a status link
    const mails = smtp.to('li.wei@example.com');
    expect(mails.map((m) => m.subject)).toEqual(['We received your service request SR-MAIL-1', 'Your appointment is confirmed SR-MAIL-1', 'A repair quote awaits your consent SR-MAIL-1']);
    expect(mails[1].text).toContain('technician Zhang Wei will visit you on 6 Mar 2040, 10:00');
    expect(mails[2].text).toContain('quoted at ¥650');
    expect(mails.every((m) => m.language === 'en' && m.text.includes('https://service.example.com/status/'))).toBe(true);
    expect((await log(id)).map((d) => [d.template, d.channel, d.status])).toEqual([['requestReceived', 'email', 'sent'], ['appointmentConfirmed', 'email', 'sent'], ['quoteSent', 'email', 'sent']]);
    // when the customer opens the quote mail's link
    const token = statusToken(mails[2].text);
    const page = (await s.t.anon.get(`/api/public/status/${token}`).expect(200)).body;
    // then it shows the progress, the technician, the appointment and the open quote
    expect(page).toMatchObject({ language: 'en', reference: 'SR-MAIL-1', technician: 'Zhang Wei', appointmentAt: '2040-03-06T02:00:00.000Z', quote: { amount: 650, open: true } });
    expect(page.done.map((d: any) => d.activityId)).toEqual(['Task_RecordRequest', 'Task_TriageRequest', 'Task_Dispatch', 'Task_AgreeAppointment', 'Task_Diagnose']);
    expect(page.next.map((d: any) => d.activityId)).toEqual(['Task_QuoteConsent']);
    expect(page.next[0].names).toEqual({ 'zh-CN': expect.any(String) }); // the step's own name for a page in 中文 without a customer-facing label
    // when the customer accepts the quote there
    const answered = (await s.t.anon.post(`/api/public/status/${token}/quote`).send({ accepted: true }).expect(200)).body;
    // then the process moves on to the repair, and the quote is no longer open
    expect(answered.quote).toMatchObject({ open: false, accepted: true });
    const after = await s.instance(id);
    expect(s.openTasks(after)).toEqual(['Task_Repair']);
    expect(after.variables.quoteAccepted).toBe(true);
    // the accepted amount is the one the customer saw: the settlement charges it
    expect(after.variables.quoteAmount).toBe(650);
    await s.complete(id, 'Task_Repair', { repairNotes: 'new relay' });
    expect((await s.complete(id, 'Task_QualityCheck', { fixed: true, customerSignedOff: true })).variables.settlementAmount).toBe(650);
    expect(after.history.filter((h) => h.type === 'message.correlated').map((h) => h.activityId)).toEqual(['Event_QuoteAnswered']);
    // a second answer is refused clearly
    await s.t.anon.post(`/api/public/status/${token}/quote`).send({ accepted: false }).expect(409);
    // when the request is settled and, a day later, its survey falls due
    await s.complete(id, 'Task_Settlement', { paymentMethod: 'cash' });
    await flushNotifications(s);
    await relay(s);
    await s.advance(24 * 3600 * SECOND);
    await flushNotifications(s);
    // then the customer was told the repair is done, then invited to the survey, in English, by mail too
    const all = smtp.to('li.wei@example.com');
    expect(all.slice(3).map((m) => m.subject)).toEqual(['Your repair is done SR-MAIL-1', 'How did we do? SR-MAIL-1']);
    const surveyLink = /https:\/\/service\.example\.com\/survey\/([A-Za-z0-9_-]{43})/.exec(all[4].text)![1];
    expect((await s.t.anon.get(`/api/public/surveys/${surveyLink}`).expect(200)).body).toMatchObject({ status: 'open', about: 'SR-MAIL-1' });
    expect((await log(id)).map((d) => d.template)).toEqual(['requestReceived', 'appointmentConfirmed', 'quoteSent', 'requestClosed', 'survey']);
  });

  it('chooses Chinese by default; a declined quote on the page closes the request with the reason', async () => {
    const { id } = await s.start('service-request', repairRequest({ customerContact: 'wang.fang@example.cn', customerName: '王芳' }), 'SR-MAIL-2');
    await toQuote(s, id, 800);
    await flushNotifications(s);
    const mails = smtp.to('wang.fang@example.cn');
    expect(mails.map((m) => m.subject)).toEqual(['已收到您的报修 SR-MAIL-2', '上门时间已确认 SR-MAIL-2', '维修报价待您确认 SR-MAIL-2']);
    expect(mails[1].text).toContain('技术员Zhang Wei将于2040年3月6日 10:00上门服务');
    const token = statusToken(mails[2].text);
    expect((await s.t.anon.get(`/api/public/status/${token}`).expect(200)).body.language).toBe('zh-CN');
    await s.t.anon.post(`/api/public/status/${token}/quote`).send({ accepted: false, reason: '太贵了' }).expect(200);
    expect(await s.instance(id)).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_QuoteDeclined', variables: { quoteAccepted: false, declineReason: '太贵了' } });
  });

  it('a failing SMS gateway is retried with backoff and the failure shows on the request; a refused mail fails for good', async () => {
    // given a customer with a phone and an address the mail server refuses
    const { id } = await s.start('service-request', repairRequest({ customerContact: '+86 138 0000 0001', customerEmail: 'bounce@example.com', customerLanguage: 'en' }), 'SR-SMS-1');
    // when the acknowledgement is sent and the gateway answers 503
    await flushNotifications(s);
    // then both deliveries are pending again with the reason shown
    expect(await log(id)).toEqual([
      expect.objectContaining({ channel: 'email', status: 'pending', attempts: 1, lastError: 'SMTP 550' }),
      expect.objectContaining({ channel: 'sms', status: 'pending', attempts: 1, lastError: 'HTTP 503' }),
    ]);
    // when nothing is due yet, nothing is sent again
    expect(await flushNotifications(s)).toBe(0);
    // when the backoff passes twice
    s.clock.advance(5 * SECOND);
    await flushNotifications(s);
    s.clock.advance(30 * SECOND);
    await flushNotifications(s);
    // then the SMS went out on the third attempt, signed, once per attempt with the same idempotency key
    const sms = gateway.at('/sms').filter((r) => (r.body as any).to === '+86 138 0000 0001');
    expect(sms).toHaveLength(3);
    expect(sms.every((r) => r.validSignature && r.deliveryId === sms[0].deliveryId)).toBe(true);
    expect(String((sms[2].body as any).text)).toContain('We received your service request SR-SMS-1');
    // and the mail failed for good after three attempts, visible on the request
    expect(await log(id)).toEqual([
      expect.objectContaining({ channel: 'email', status: 'failed', attempts: 3, lastError: 'SMTP 550' }),
      expect.objectContaining({ channel: 'sms', status: 'sent', attempts: 3, lastError: null }),
    ]);
    // when a supervisor asks for another try of the failed mail (the address was fixed meanwhile)
    const [mail, sent] = await log(id);
    const retried = (await s.t.http.post(`/api/process-instances/${id}/notifications/${mail.id}/retry`).expect(200)).body.items;
    // then it is pending again with fresh attempts; a sent one, an unknown one and another request's are refused
    expect(retried[0]).toMatchObject({ status: 'pending', attempts: 0 });
    // and who asked for it is audited
    const audit = (await s.t.http.get('/api/audit').query({ action: 'notification.retried', targetId: id }).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ actor: 'user:admin', targetType: 'process-instance', detail: { deliveryId: mail.id, channel: 'email', template: 'requestReceived' } })]);
    await s.t.http.post(`/api/process-instances/${id}/notifications/${sent.id}/retry`).expect(409);
    await s.t.http.post(`/api/process-instances/${id}/notifications/99999999/retry`).expect(404);
    await s.t.http.post(`/api/process-instances/${id}/notifications/1e99/retry`).expect(404);
    await s.t.http.post(`/api/process-instances/00000000-0000-4000-8000-000000000000/notifications/${mail.id}/retry`).expect(404);
    // and the retried mail is sent again (the server still refuses it: failed again after its attempts)
    for (const wait of [0, 5, 30]) {
      s.clock.advance(wait * SECOND);
      await flushNotifications(s);
    }
    expect((await log(id))[0]).toMatchObject({ status: 'failed', attempts: 3, lastError: 'SMTP 550' });
    expect(smtp.to('bounce@example.com')).toEqual([]);
  });

  it('sends a WeChat customer the message through the signed WeChat gateway, in Chinese', async () => {
    const { id } = await s.start('service-request', repairRequest({ channel: 'wechat', customerContact: 'wx-lili', customerName: '李丽' }), 'SR-WX-1');
    await flushNotifications(s);
    const [wx] = gateway.at('/wechat');
    expect(wx).toMatchObject({ validSignature: true, body: { channel: 'wechat', to: 'wx-lili', language: 'zh-CN' } });
    expect(String((wx.body as any).text)).toContain('尊敬的李丽，我们已收到您的报修（SR-WX-1）');
    expect((await log(id)).map((d) => [d.channel, d.status])).toEqual([['wechat', 'sent']]);
  });

  it('honours opt-out: the process flag, and the status page\'s opt-out for what is still pending', async () => {
    // given a customer who opted out at intake
    const { id } = await s.start('service-request', repairRequest({ customerContact: 'quiet@example.com', notificationsOptOut: true }), 'SR-QUIET');
    await flushNotifications(s);
    expect(smtp.to('quiet@example.com')).toEqual([]);
    expect(await log(id)).toEqual([expect.objectContaining({ status: 'skipped', lastError: 'the customer opted out' })]);
    // given a customer who got the first mail and opts out on the status page
    const other = await s.start('service-request', repairRequest({ customerContact: 'later@example.com' }), 'SR-QUIET-2');
    await flushNotifications(s);
    const token = statusToken(smtp.to('later@example.com')[0].text);
    expect((await s.t.anon.post(`/api/public/status/${token}/opt-out`).expect(200)).body.optedOut).toBe(true);
    // when the appointment is confirmed
    await toQuote(s, other.id);
    await flushNotifications(s);
    // then nothing more is mailed and the log says why
    expect(smtp.to('later@example.com')).toHaveLength(1);
    expect((await log(other.id)).map((d) => [d.template, d.status, d.lastError])).toEqual([
      ['requestReceived', 'sent', null], ['appointmentConfirmed', 'skipped', 'the customer opted out'], ['quoteSent', 'skipped', 'the customer opted out'],
    ]);
  });

  it('an expired or wrong link is refused clearly and reveals nothing', async () => {
    await s.start('service-request', repairRequest({ customerContact: 'late@example.com' }), 'SR-LATE');
    await flushNotifications(s);
    const token = statusToken(smtp.to('late@example.com')[0].text);
    // wrong: a made-up token of the right shape, and garbage
    expect((await s.t.anon.get(`/api/public/status/${'A'.repeat(43)}`).expect(404)).body.message).toBe('this link is not valid');
    await s.t.anon.get('/api/public/status/nope').expect(404);
    // expired: 30 days later
    s.clock.advance(31 * 24 * 3600 * SECOND);
    const gone = await s.t.anon.get(`/api/public/status/${token}`).expect(410);
    expect(gone.body.message).toBe('this link has expired');
    expect(JSON.stringify(gone.body)).not.toContain('SR-LATE');
  });

  it('two senders at once (as two replicas would) send every delivery exactly once', async () => {
    // given eight acknowledgements waiting to be sent, fanned out twice (idempotent)
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await s.start('service-request', repairRequest({ customerContact: `twice${i}@example.com` }), `SR-TWICE-${i}`)).id);
    await s.t.app.get(OutboxReaderRepository).waitUntilReadable();
    await Promise.all([s.t.app.get(CustomerNotifyFanout).fanout(), s.t.app.get(CustomerNotifyFanout).fanout()]);
    // when two senders run at the same time
    const dispatcher = s.t.app.get(CustomerNotifyDispatcher);
    const [a, b] = await Promise.all([dispatcher.deliverDue(), dispatcher.deliverDue()]);
    // then each customer got exactly one mail, and each row was attempted once
    expect(a + b).toBe(8);
    for (let i = 0; i < 8; i++) expect(smtp.to(`twice${i}@example.com`)).toHaveLength(1);
    for (const id of ids) expect((await log(id)).map((d) => [d.status, d.attempts])).toEqual([['sent', 1]]);
  });

  it('refuses to boot with a gateway URL but no signing secret', async () => {
    await expect(startTestApp({ env: { NOTIFY_SMS_URL: 'https://sms.example.com/send' } })).rejects.toThrow('NOTIFY_SMS_SECRET must be set when its gateway URL is');
  });
});

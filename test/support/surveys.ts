// Survey test helpers: a scenario app whose customer messages (the survey links among them) arrive at a local signed
// WeChat gateway, and paths to a resolution.
import { startTestApp } from './app';
import { Scenario } from './scenario';
import { flushNotifications } from './customer-notify';
import { WebhookReceiver, type Behaviour } from './webhook-receiver';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import { SurveyRelay } from '../../src/surveys/survey-relay';

export const customer = { channel: 'wechat', customerName: '王芳', customerContact: 'wx-wangfang', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };

/** The customer-notification settings that send WeChat messages to `gatewayUrl`/wechat (signed with 'wechat-secret'). */
export const wechatGateway = (gatewayUrl: string): Record<string, string> => ({ NOTIFY_POLL_MS: '0', NOTIFY_WECHAT_URL: `${gatewayUrl}/wechat`, NOTIFY_WECHAT_SECRET: 'wechat-secret', OUTBOUND_ALLOW: '127.0.0.1' });

/** A Scenario in 2040 (bpmn-engine compares timer dates with the real clock on resume) whose WeChat messages post to `gateway`. */
export async function surveyScenario(env: Record<string, string> = {}, answer: Behaviour = () => ({ status: 202 })): Promise<{ s: Scenario; gateway: WebhookReceiver; close(): Promise<void> }> {
  const s = new Scenario();
  s.clock.set('2040-03-05T01:00:00Z');
  const gateway = new WebhookReceiver(answer);
  const url = await gateway.start();
  gateway.secrets.set('/wechat', 'wechat-secret');
  s.t = await startTestApp({ clock: s.clock, env: { SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', ...wechatGateway(url), ...env } });
  // The local gateway is a deliberate internal target: outbound requests reach loopback only when allowed.
  return { s, gateway, close: async () => { await s.tearDown(); await gateway.stop(); } };
}

/** Runs the survey relay as the poller would (after the outbox rows became readable). */
export async function relay(s: Scenario): Promise<number> {
  // Relays read only rows of transactions older than every one still running in the database (commit order); a
  // concurrent write (a poller of this app or of a replica) can hold back a row already committed. Wait for those.
  await s.t.app.get(OutboxReaderRepository).waitUntilReadable();
  return s.t.app.get(SurveyRelay).relay();
}

/** The survey messages the WeChat gateway received (after sending what is due), oldest first, with their link tokens. */
export async function surveyMessages(s: Scenario, gateway: WebhookReceiver): Promise<{ to: string; language: string; text: string; token: string }[]> {
  await flushNotifications(s);
  return gateway.at('/wechat').map((r) => r.body as unknown as { to: string; language: string; text: string })
    .filter((m) => m.text.includes('/survey/'))
    .map((m) => ({ ...m, token: /\/survey\/([A-Za-z0-9_-]{43})/.exec(m.text)![1] }));
}

/** The tokens of the survey links the customer received, oldest first. */
export async function tokensReceived(s: Scenario, gateway: WebhookReceiver): Promise<string[]> {
  return (await surveyMessages(s, gateway)).map((m) => m.token);
}

/** Remote fix path: record → triage (simple) → guidance fixed → confirm → settle; the request is then resolved. */
export async function resolveRemotely(s: Scenario, businessKey: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = await s.start('service-request', { ...customer, ...overrides }, businessKey);
  await s.complete(id, 'Task_RecordRequest', { requirementUnderstood: true });
  await s.complete(id, 'Task_TriageRequest', { faultType: 'software', priority: 'P3', simpleFault: true });
  await s.complete(id, 'Task_RemoteGuidance', { remoteFixed: true });
  await s.complete(id, 'Task_ConfirmRemoteFix', { customerConfirmed: true });
  await s.complete(id, 'Task_Settlement', { paymentMethod: 'free' });
  return id;
}

export async function surveysOf(s: Scenario, sourceInstanceId: string): Promise<any[]> {
  const res = await s.t.http.get(`/api/surveys?sourceInstanceId=${sourceInstanceId}`).expect(200);
  return [...res.body.items].sort((a: any, b: any) => a.resolutionKey.localeCompare(b.resolutionKey));
}

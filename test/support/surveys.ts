// Survey test helpers: a scenario app whose survey links arrive at a local "app/WeChat gateway", and paths to a resolution.
import { startTestApp } from './app';
import { Scenario } from './scenario';
import { WebhookReceiver } from './webhook-receiver';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import { SurveyRelay } from '../../src/surveys/survey-relay';

export const customer = { channel: 'wechat', customerName: '王芳', customerContact: 'wx-wangfang', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };

/** A Scenario in 2040 (bpmn-engine compares timer dates with the real clock on resume) whose webhook survey channel posts to `gateway`. */
export async function surveyScenario(env: Record<string, string> = {}): Promise<{ s: Scenario; gateway: WebhookReceiver; close(): Promise<void> }> {
  const s = new Scenario();
  s.clock.set('2040-03-05T01:00:00Z');
  const gateway = new WebhookReceiver(() => ({ status: 202 }));
  const url = await gateway.start();
  s.t = await startTestApp({ clock: s.clock, env: { SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', SURVEY_WEBHOOK_URL: `${url}/survey-gateway`, OUTBOUND_ALLOW: '127.0.0.1', ...env } });
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

/** The tokens of the survey links the gateway received, oldest first. */
export function tokensReceived(gateway: WebhookReceiver): string[] {
  return gateway.at('/survey-gateway').map((r) => String((r.body as any).link).split('/survey/')[1]);
}

/** Remote fix path: record → triage (simple) → guidance fixed → confirm → settle; the request is then resolved. */
export async function resolveRemotely(s: Scenario, businessKey: string): Promise<string> {
  const { id } = await s.start('service-request', customer, businessKey);
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

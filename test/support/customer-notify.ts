// Customer-notification test helpers: run the fan-out and the sender as the poller would, and drive a request to its quote.
import { CustomerNotifyDispatcher } from '../../src/customer-notifications/customer-notify-dispatcher';
import { CustomerNotifyFanout } from '../../src/customer-notifications/customer-notify-fanout';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import type { Scenario } from './scenario';

export async function flushNotifications(s: Scenario): Promise<number> {
  await s.t.app.get(OutboxReaderRepository).waitUntilReadable();
  await s.t.app.get(CustomerNotifyFanout).fanout();
  return s.t.app.get(CustomerNotifyDispatcher).deliverDue();
}

export const repairRequest = (overrides: Record<string, unknown> = {}) => ({
  channel: 'app',
  customerName: 'Li Wei',
  customerContact: 'li.wei@example.com',
  deviceModel: 'AC-3000',
  faultDescription: 'No cooling',
  inWarranty: false,
  region: 'Shanghai',
  ...overrides,
});

/** Intake → triage → dispatch (zhang.wei, shown to the customer as Zhang Wei) → appointment → diagnosis with a cost estimate: the quote is sent and awaits consent. */
export async function toQuote(s: Scenario, id: string, estimatedCost = 650): Promise<void> {
  await s.complete(id, 'Task_RecordRequest', { requirementUnderstood: true });
  await s.complete(id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
  await s.t.as('zhang.wei', ['technician']);
  const users = await s.t.http.get('/api/users').query({ limit: 200 }).expect(200);
  const user = users.body.items.find((u: { username: string }) => u.username === 'zhang.wei');
  await s.t.http.patch(`/api/users/${user.id}`).send({ displayName: 'Zhang Wei' }).expect(200);
  await s.complete(id, 'Task_Dispatch', { technician: 'zhang.wei' });
  await s.complete(id, 'Task_AgreeAppointment', { appointmentAt: '2040-03-06T02:00:00Z' });
  await s.complete(id, 'Task_Diagnose', { diagnosis: 'compressor relay', partsNeeded: false, estimatedCost });
}

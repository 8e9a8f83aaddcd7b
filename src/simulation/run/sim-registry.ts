// Service tasks in a simulation: the platform's pure handlers run as they do in production; every other topic (one
// that reads the database, sends something, or an external worker's) completes at once without effect.
import { ServiceRegistry, type ServiceHandler } from '../../engine/service-registry';
import { archiveWorkOrder } from '../../handlers/archive-work-order.handler';
import { calculateSettlement } from '../../handlers/calculate-settlement.handler';
import { notifyCustomer } from '../../handlers/notify-customer.handler';
import { notifyEscalation } from '../../handlers/notify-escalation.handler';

const nothing: ServiceHandler = () => undefined;

export class SimulationRegistry extends ServiceRegistry {
  constructor() {
    super();
    this.register('notifyCustomer', 'records the notification', notifyCustomer);
    this.register('calculateSettlement', 'settlement amount', calculateSettlement);
    this.register('archiveWorkOrder', 'archive', archiveWorkOrder);
    this.register('notifyEscalation', 'records the escalation level', notifyEscalation);
    // Dispatch reads the roster: a simulation works with role pools, so nobody is named.
    this.register('assignTechnician', 'no one named', () => ({ technician: null }));
  }

  override has(): boolean {
    return true;
  }

  override get(name: string): ServiceHandler {
    return super.get(name) ?? nothing;
  }
}

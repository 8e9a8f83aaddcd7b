// Registers the built-in service-task handlers with the engine's registry.
import { Module, OnModuleInit } from '@nestjs/common';
import { ServiceRegistry } from '../engine/service-registry';
import { archiveWorkOrder } from './archive-work-order.handler';
import { calculateSettlement } from './calculate-settlement.handler';
import { notifyCustomer } from './notify-customer.handler';
import { notifyEscalation } from './notify-escalation.handler';

@Module({})
export class HandlersModule implements OnModuleInit {
  constructor(private readonly registry: ServiceRegistry) {}

  onModuleInit(): void {
    this.registry.register('notifyCustomer', 'Send the customer a status message (input: template)', notifyCustomer);
    // assignTechnician is registered by DispatchModule (it reads the technician roster).
    this.registry.register('calculateSettlement', 'Compute the amount due: 0 in warranty, else the quote (sets settlementAmount)', calculateSettlement);
    this.registry.register('archiveWorkOrder', 'Archive the work order (sets archivedAt)', archiveWorkOrder);
    this.registry.register('notifyEscalation', 'Record an escalation to level 2 (supervisor) or 3 (manager) (input: level)', notifyEscalation);
  }
}

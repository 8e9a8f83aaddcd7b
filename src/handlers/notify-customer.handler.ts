// notifyCustomer: records a customer notification (template + channel) on the instance; delivery adapters come later.
import type { ServiceHandler } from '../engine/service-registry';

export const notifyCustomer: ServiceHandler = ({ inputs, variables, now, record }) => {
  const template = String(inputs.template ?? 'statusUpdate');
  const channel = String(variables.channel ?? 'sms');
  record('customer.notified', { template, channel, contact: variables.customerContact ?? null });
  return { lastNotification: { template, channel, at: now.toISOString() } };
};

// notifyCustomer: records a customer notification (template, language, recipients, the facts it quotes) on the
// instance; src/customer-notifications/ turns the event into delivery rows and sends them after the command commits.
import type { ServiceHandler } from '../engine/service-registry';
import { recipientsOf } from '../customer-notifications/recipients.util';

/** Variables a template may quote; copied at the moment of the event so a later change does not rewrite the message. */
const QUOTED = ['customerName', 'appointmentAt', 'technician', 'quoteAmount', 'estimatedCost', 'estimatedHours', 'deviceModel'];

export const notifyCustomer: ServiceHandler = ({ inputs, variables, now, record }) => {
  const template = String(inputs.template ?? 'statusUpdate');
  const channel = String(variables.channel ?? 'sms');
  const facts = Object.fromEntries(QUOTED.filter((k) => variables[k] !== undefined && variables[k] !== null).map((k) => [k, variables[k]]));
  record('customer.notified', {
    template,
    channel,
    contact: variables.customerContact ?? null,
    language: typeof variables.customerLanguage === 'string' ? variables.customerLanguage : null,
    // the customer asked for no messages: the event stays in the history, its deliveries are logged as skipped
    optedOut: variables.notificationsOptOut === true,
    recipients: recipientsOf(variables),
    facts,
  });
  return { lastNotification: { template, channel, at: now.toISOString() } };
};

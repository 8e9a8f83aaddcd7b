// The bpmn-engine extension of our dialect: service tasks call registered handlers (camunda:topic), nothing else runs code.
import type { DefinitionModel } from './definition-model';
import { evaluateExpression } from './feel';
import type { HandlerContext, ServiceRegistry } from './service-registry';

export class HandlerError extends Error {
  constructor(
    readonly activityId: string,
    readonly handler: string,
    readonly reason: unknown,
  ) {
    super(`service task ${activityId}: handler "${handler}" failed: ${(reason as Error)?.message ?? String(reason)}`);
  }
}

export interface ServiceCallTracker {
  pending: number;
  errors: HandlerError[];
  variables(): Record<string, unknown>;
  assign(vars: Record<string, unknown>): void;
  context(activityId: string): Omit<HandlerContext, 'activityId' | 'variables' | 'inputs'>;
}

export function createExtension(model: DefinitionModel, registry: ServiceRegistry, tracker: ServiceCallTracker) {
  return function extension(activity: any) {
    const info = model.elements[activity.id];
    if (!info?.topic || (activity.type !== 'bpmn:ServiceTask' && activity.type !== 'bpmn:SendTask')) return;
    const topic = info.topic;
    activity.behaviour.Service = function Service() {
      return {
        execute(_message: unknown, callback: (err: unknown, output?: unknown) => void) {
          tracker.pending++;
          void runHandler(activity.id, topic).then(
            (output) => {
              tracker.pending--;
              callback(null, output);
            },
            (err) => {
              tracker.pending--;
              tracker.errors.push(err instanceof HandlerError ? err : new HandlerError(activity.id, topic, err));
              callback(err);
            },
          );
        },
      };
    };
  };

  async function runHandler(activityId: string, topic: string): Promise<Record<string, unknown> | undefined> {
    const handler = registry.get(topic);
    if (!handler) throw new HandlerError(activityId, topic, new Error('no such handler is registered'));
    const variables = tracker.variables();
    const inputs = Object.fromEntries(Object.entries(model.elements[activityId]?.inputs ?? {}).map(([k, v]) => [k, evaluateExpression(v, variables)]));
    const output = (await handler({ ...tracker.context(activityId), activityId, variables, inputs })) ?? undefined;
    if (output) tracker.assign(output);
    return output;
  }
}

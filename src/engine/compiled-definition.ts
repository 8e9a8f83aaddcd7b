// A definition version compiled once for the engine: its model and the serialized context every command reuses.
import * as Elements from 'bpmn-elements';
import * as Gateways from 'bpmn-elements/gateways';
import { default as serialize, TypeResolver } from 'moddle-context-serializer';
import type { DefinitionModel } from './definition-model';
import { isHostArmedEventStart } from './moddle-reader';
import { normalizeLoops } from './multi-instance';

export interface CompiledDefinition {
  id: string;
  key: string;
  version: number;
  model: DefinitionModel;
  sourceContext: unknown;
}

// A manual task is done outside the system (BPMN): it passes like a plain task instead of waiting for a signal
// nothing would ever send.
// A converging inclusive gateway joins like a parallel one: bpmn-elements discards every branch a split did not take
// down to the join, so waiting for each incoming flow to be taken or discarded waits for exactly the branches that can
// still arrive. Its own behaviour (which completes on every arrival) would pass each branch through separately.
const typeResolver = TypeResolver(Elements as any, (types: Record<string, unknown>) => {
  types['bpmn:ManualTask'] = (Elements as any).Task;
  types['bpmn:InclusiveGateway'] = inclusiveGateway;
});

function inclusiveGateway(activityDef: any, context: any): unknown {
  const { Activity } = Elements as any;
  return new Activity((Gateways as any).InclusiveGatewayBehaviour, { ...activityDef, isParallelGateway: true }, context);
}

/** Serializes a parsed moddle context the way bpmn-engine would, once per definition version. */
export function compileContext(moddleContext: any): unknown {
  neutralizeStartTimers(moddleContext);
  normalizeLoops(moddleContext);
  hostCalls(moddleContext);
  hostEventStarts(moddleContext);
  return serialize(moddleContext, typeResolver);
}

/**
 * The host schedules timer start events (cron included) and starts the instance when one fires, so for the
 * engine such a start event is already due: its timer becomes PT0S.
 */
function neutralizeStartTimers(moddleContext: any): void {
  for (const el of Object.values<any>(moddleContext.elementsById ?? {})) {
    if (el.$type !== 'bpmn:StartEvent' || el.$parent?.$type !== 'bpmn:Process') continue;
    for (const def of el.eventDefinitions ?? []) {
      if (def.$type !== 'bpmn:TimerEventDefinition') continue;
      delete def.timeCycle; // the serializer checks presence, not value
      delete def.timeDate;
      def.timeDuration = def.$model.create('bpmn:FormalExpression', { body: 'PT0S' });
    }
  }
}

/**
 * bpmn-elements runs a called process itself when it is in the same file; ours are child instances the host starts
 * (src/instances/call-activities.ts), so the engine must not find the callee: it only waits.
 */
function hostCalls(moddleContext: any): void {
  for (const el of Object.values<any>(moddleContext.elementsById ?? {})) {
    if (el.$type === 'bpmn:CallActivity' && el.calledElement) el.calledElement = `host-call:${el.calledElement}`;
  }
}

/**
 * The host arms timer, message and signal starts of event subprocesses and runs the event subprocess when one fires
 * (event-starts.ts): for the engine their start event is a plain one that passes at once.
 */
function hostEventStarts(moddleContext: any): void {
  for (const el of Object.values<any>(moddleContext.elementsById ?? {})) {
    if (isHostArmedEventStart(el)) el.eventDefinitions = undefined; // the serializer checks presence
  }
}

// Elements our runtime does not run (yet) are refused by name with what to use instead, and message events must
// name their message: nothing deploys that would wait with nothing to move it (see processes/README.md).
import { checkFeel, isFeel } from '../../../engine/feel';
import { isJuel } from '../../../engine/juel';
import { collectionAsFeel } from '../../../engine/multi-instance';
import type { Node, Reporter, Rule } from '../rule-helpers';

const UNSUPPORTED: Record<string, string> = {
  'bpmn:ComplexGateway': 'complex gateways are not supported',
  'bpmn:Transaction': 'transactions are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc subprocesses are not supported',
  'bpmn:CompensateEventDefinition': 'compensation is not supported',
  'bpmn:ChoreographyTask': 'choreographies are not executable',
};

export default function supportedElements(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      const reason = UNSUPPORTED[node.$type];
      if (reason) reporter.report(node.id ?? node.$parent?.id, `unsupported element ${node.$type}: ${reason}`);
      if (node.$type === 'bpmn:MessageEventDefinition' && !node.messageRef?.name) {
        reporter.report(node.$parent?.id, 'message event must reference a bpmn:message with a name');
      }
      if (node.$type === 'bpmn:CallActivity') checkCall(node, reporter);
      if (node.$type === 'bpmn:ConditionalEventDefinition') checkConditional(node, reporter);
      if (node.$type === 'bpmn:StartEvent' && node.$parent?.triggeredByEvent) checkEventSubprocessStart(node, reporter);
      if (node.$type === 'bpmn:SignalEventDefinition') checkSignal(node, reporter);
      if (node.$type === 'bpmn:ReceiveTask' && !node.messageRef?.name) reporter.report(node.id, 'receive task must reference a bpmn:message with a name');
    },
  };
}

/** A call activity names its callee literally, with the latest or a numbered version. */
function checkCall(node: Node, reporter: Reporter): void {
  const called = node.calledElement;
  if (!called) reporter.report(node.id, 'call activity must name the called process (calledElement)');
  else if (/[$#]\{|^\s*=/.test(called)) reporter.report(node.id, `call activity calledElement "${called}" must be a process id, not an expression`);
  const binding = node.get?.('camunda:calledElementBinding') ?? 'latest';
  if (binding !== 'latest' && binding !== 'version') reporter.report(node.id, `call activity binding "${binding}" is not supported: use "latest" or "version" with camunda:calledElementVersion`);
  const version = node.get?.('camunda:calledElementVersion');
  if (binding === 'version' && !/^[1-9]\d*$/.test(String(version ?? ''))) reporter.report(node.id, 'call activity with binding "version" needs camunda:calledElementVersion, a version number');
  for (const m of (node.extensionElements?.values ?? []).filter((v: Node) => v.$type === 'camunda:In' || v.$type === 'camunda:Out')) {
    const feel = m.sourceExpression ? collectionAsFeel(m.sourceExpression) : null;
    const problem = m.sourceExpression ? (feel ? checkFeel(feel) : 'it must be ${variable.path} or a FEEL expression (=…)') : null;
    if (problem) reporter.report(node.id, `call activity mapping sourceExpression "${m.sourceExpression}": ${problem}`);
  }
  if (node.get?.('camunda:variableMappingClass') || node.get?.('camunda:variableMappingDelegateExpression')) reporter.report(node.id, 'call activity variable mapping classes run code: use camunda:in / camunda:out');
}

/**
 * Timer, message, signal and conditional starts are armed by the host (engine/event-starts.ts) in the process or an embedded
 * subprocess; inside a multi-instance subprocess or another event subprocess nothing would arm them.
 */
function checkEventSubprocessStart(node: Node, reporter: Reporter): void {
  const hostArmed = (node.eventDefinitions ?? []).some((d: Node) => ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:ConditionalEventDefinition'].includes(d.$type));
  const scope = node.$parent?.$parent;
  if (!hostArmed || !scope) return;
  const timer = (node.eventDefinitions ?? []).find((d: Node) => d.$type === 'bpmn:TimerEventDefinition');
  const value = String((timer?.timeCycle ?? timer?.timeDuration ?? timer?.timeDate)?.body ?? '').trim();
  // The host computes these due dates itself (engine/event-starts.ts): literal ISO 8601 values only.
  if (timer && (/^[=$#]/.test(value) || (timer.timeCycle && !/^R\d*\//.test(value)))) {
    reporter.report(node.id, `event subprocess timer "${value}" must be a literal ISO 8601 value (a cycle as R3/PT1H or R/P1D; no cron, no expression)`);
  }
  if (scope.triggeredByEvent) reporter.report(node.id, 'an event subprocess inside another event subprocess cannot be started by a timer, message, signal or condition: move it to the enclosing subprocess or process');
  else if (scope.loopCharacteristics) reporter.report(node.id, 'an event subprocess inside a multi-instance subprocess cannot be started by a timer, message, signal or condition yet: attach a boundary event to the multi-instance subprocess instead');
}

/** A conditional event needs a condition on the variables: FEEL (=…) or ${…} (translated); feel-expressions checks it. */
function checkConditional(node: Node, reporter: Reporter): void {
  const body = String(node.condition?.body ?? '').trim();
  const feelLanguage = /feel\/?$/i.test(String(node.condition?.language ?? ''));
  if (!body) reporter.report(node.$parent?.id, 'conditional event needs a condition, e.g. <bpmn:condition xsi:type="bpmn:tFormalExpression">=approved = true</bpmn:condition>');
  else if (!isFeel(body) && !isJuel(body) && !feelLanguage) reporter.report(node.$parent?.id, `conditional event condition "${body}" must be a FEEL expression with a leading "=" (or \${…}), e.g. =approved = true`);
}

/** Signals need a named bpmn:signal (a signal start event starts the process on a broadcast: see event-starts). */
function checkSignal(node: Node, reporter: Reporter): void {
  if (!node.signalRef?.name) reporter.report(node.$parent?.id, 'signal event must reference a bpmn:signal with a name');
}

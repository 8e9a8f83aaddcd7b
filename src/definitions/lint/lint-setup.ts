// The one bpmnlint setup of our dialect: rule cache, resolver and the runtime options (known handlers, SLA policies).
// Pure and bundler-friendly (static imports only): the deploy check and the browser modeler both build their linter here.
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import recommended from 'bpmnlint/config/recommended';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import { opsRecommended, opsRules } from './ops-plugin';

export interface LintConfig {
  extends?: string | string[];
  rules?: Record<string, unknown>;
}

/** What the server knows at lint time and a diagram may name. */
export interface LintKnowledge {
  handlers: string[];
  policies: string[];
  /** Business calendars a timer may count on (processes/sla.json); unknown when absent (then none is reported). */
  calendars?: string[];
  /** Candidate groups that exist; unknown when absent (then no group is reported). */
  groups?: string[];
}

// Every rule bpmnlint:recommended names, imported statically so that a bundler can see them.
const BPMNLINT_RULES: Record<string, unknown> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

/** The bpmnlint cache: configs and rules by the names .bpmnlintrc uses ("bpmnlint:…", "plugin:ops/…"). */
export function lintCache(): Record<string, unknown> {
  const cache: Record<string, unknown> = { 'config:bpmnlint/recommended': recommended, 'config:bpmnlint-plugin-ops/recommended': opsRecommended };
  for (const rule of Object.keys(recommended.rules)) {
    if (!BPMNLINT_RULES[rule]) throw new Error(`bpmnlint:recommended names rule "${rule}" that lint-setup.ts does not import`);
    cache[`rule:bpmnlint/${rule}`] = BPMNLINT_RULES[rule];
  }
  for (const [name, factory] of Object.entries(opsRules)) cache[`rule:bpmnlint-plugin-ops/${name}`] = factory;
  return cache;
}

export function lintResolver(): { resolveRule(pkg: string, name: string): unknown; resolveConfig(pkg: string, name: string): unknown } {
  return new StaticResolver(lintCache());
}

/** processes/.bpmnlintrc with the runtime options: which handlers and SLA policies exist right now. */
export function effectiveLintConfig(base: LintConfig, known: LintKnowledge): LintConfig {
  const rules = {
    ...base.rules,
    'ops/service-task-handler': ['error', { handlers: known.handlers }],
    'ops/sla-references': ['error', { policies: known.policies, calendars: known.calendars }],
    'ops/candidate-groups': ['warn', { groups: known.groups }],
  };
  return { ...base, rules };
}

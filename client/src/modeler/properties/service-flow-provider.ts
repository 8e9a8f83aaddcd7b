// Properties provider for our dialect: SLA, handler, candidate role, FEEL condition, checked timer value and calendar; hides what deploy refuses.
import { Group } from '@bpmn-io/properties-panel';
import { CandidateRoleProps } from './props/candidate-role-props';
import { ConditionProps } from './props/condition-props';
import { HandlerProps } from './props/handler-props';
import { LocalNameProps } from './props/local-name-props';
import { SlaProps } from './props/sla-props';
import { TimerCalendarProps } from './props/timer-calendar-props';
import { withCheckedTimerValue } from './props/timer-value-props';

type Element = any;
type GroupDef = { id: string; label?: string; component?: unknown; entries: { id: string }[] };

// Runs after the BPMN (1000) and Camunda Platform (500) providers, so it sees and trims their groups.
const PRIORITY = 100;

/**
 * Camunda groups for things the deploy check refuses (ops/no-script, ops/supported-elements, ops/service-task-handler)
 * or the engine does not read: offering them would only lead analysts into refusals.
 */
export const HIDDEN_GROUPS = [
  'CamundaPlatform__Implementation', // Java class, expression, delegate expression, connector: replaced by "Handler"
  'CamundaPlatform__ExternalTask',
  'CamundaPlatform__Script',
  'CamundaPlatform__ExecutionListener',
  'CamundaPlatform__TaskListener',
  'CamundaPlatform__ConnectorInput',
  'CamundaPlatform__ConnectorOutput',
  'CamundaPlatform__FieldInjection',
  'CamundaPlatform__CallActivity',
  'CamundaPlatform__InMapping',
  'CamundaPlatform__InMappingPropagation',
  'CamundaPlatform__OutMapping',
  'CamundaPlatform__OutMappingPropagation',
  'CamundaPlatform__Condition', // replaced by our FEEL condition; conditional events are refused
  'CamundaPlatform__Form', // form keys: the engine reads camunda:formData only
  'CamundaPlatform__Errors',
  'CamundaPlatform__AsynchronousContinuations',
  'CamundaPlatform__JobExecution',
  'CamundaPlatform__HistoryCleanup',
  'CamundaPlatform__Tasklist',
  'CamundaPlatform__CandidateStarter',
  'CamundaPlatform__StartInitiator',
];

// Of Camunda's user assignment only the assignee stays: candidate users, due dates and priority are not read.
const KEPT_ASSIGNMENT_ENTRIES = ['assignee'];

export class ServiceFlowPropertiesProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly translate: (text: string) => string,
  ) {
    propertiesPanel.registerProvider(PRIORITY, this);
  }

  getGroups(element: Element) {
    return (groups: GroupDef[]) => {
      const kept = groups.filter((g) => !HIDDEN_GROUPS.includes(g.id));
      const timer = kept.find((g) => g.id === 'timer');
      if (timer) timer.entries = [...withCheckedTimerValue(timer.entries), ...TimerCalendarProps({ element })];
      this.addToAssignment(kept, element);
      this.addLocalName(kept, element);
      this.addGroup(kept, 'ServiceFlow__Handler', 'Handler', HandlerProps({ element }), 'general');
      this.addGroup(kept, 'ServiceFlow__Condition', 'Condition', ConditionProps({ element }), 'general');
      this.addGroup(kept, 'ServiceFlow__Sla', 'Service level (SLA)', SlaProps({ element }), 'CamundaPlatform__UserAssignment', 'general');
      return kept;
    };
  }

  private addToAssignment(groups: GroupDef[], element: Element): void {
    const roleEntries = CandidateRoleProps({ element });
    if (!roleEntries.length) return;
    const assignment = groups.find((g) => g.id === 'CamundaPlatform__UserAssignment');
    if (!assignment) return this.addGroup(groups, 'CamundaPlatform__UserAssignment', 'User assignment', roleEntries, 'general');
    assignment.entries = [...roleEntries, ...assignment.entries.filter((e) => KEPT_ASSIGNMENT_ENTRIES.includes(e.id))];
  }

  /** The zh-CN name right under the name in the General group. */
  private addLocalName(groups: GroupDef[], element: Element): void {
    const general = groups.find((g) => g.id === 'general');
    if (!general) return;
    const at = general.entries.findIndex((e) => e.id === 'name');
    general.entries.splice(at < 0 ? general.entries.length : at + 1, 0, ...LocalNameProps({ element }));
  }

  /** Inserts a group after the first of `after` that exists (else at the end). */
  private addGroup(groups: GroupDef[], id: string, label: string, entries: { id: string }[], ...after: string[]): void {
    if (!entries.length) return;
    const group = { id, label: this.translate(label), component: Group, entries };
    const anchor = after.map((a) => groups.findIndex((g) => g.id === a)).find((i) => i >= 0);
    groups.splice(anchor === undefined ? groups.length : anchor + 1, 0, group);
  }
}

export const ServiceFlowPropertiesModule = {
  __init__: ['serviceFlowPropertiesProvider'],
  serviceFlowPropertiesProvider: ['type', ServiceFlowPropertiesProvider],
};

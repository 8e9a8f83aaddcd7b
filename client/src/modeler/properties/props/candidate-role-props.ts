// Candidate role entry of user tasks: exactly one of the server's roles (camunda:candidateGroups).
import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { ROLES } from '../../../../../src/engine/definition-model';

type Element = any;

// English labels; the modeler's translate module carries their Chinese.
const ROLE_LABELS: Record<string, string> = { agent: 'Agent', technician: 'Technician', supervisor: 'Supervisor', manager: 'Manager' };

export function CandidateRoleProps({ element }: { element: Element }) {
  if (!is(element, 'bpmn:UserTask')) return [];
  return [{ id: 'serviceFlowCandidateRole', element, component: CandidateRole, isEdited: isSelectEntryEdited }];
}

function CandidateRole({ element, id }: { element: Element; id: string }) {
  const translate = useService('translate');
  const modeling = useService('modeling');
  const value = (): string => getBusinessObject(element).get('camunda:candidateGroups') ?? '';
  const getOptions = () => {
    const options = [{ value: '', label: translate('<none>') }, ...ROLES.map((role) => ({ value: role, label: `${translate(ROLE_LABELS[role] ?? role)} (${role})` }))];
    const current = value();
    // A list or an unknown role from an imported file stays visible so the analyst can see what lint complains about.
    if (current && !(ROLES as readonly string[]).includes(current)) options.push({ value: current, label: `${current} (${translate('unknown')})` });
    return options;
  };
  return SelectEntry({
    element,
    id,
    label: translate('Candidate role'),
    getValue: value,
    setValue: (role: string) => modeling.updateProperties(element, { 'camunda:candidateGroups': role || undefined }),
    getOptions,
  });
}

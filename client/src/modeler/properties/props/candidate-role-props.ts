// Candidate group entry of user tasks (camunda:candidateGroups): one of the server's groups, the built-in roles first.
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
  const { groups } = useService('config.serviceFlow') as { groups?: { id: string; name: string }[] };
  const value = (): string => getBusinessObject(element).get('camunda:candidateGroups') ?? '';
  const getOptions = () => {
    // Groups are data (GET /api/groups); without them (no access) the built-in roles are offered.
    const ids = [...ROLES, ...(groups ?? []).map((g) => g.id).filter((id) => !(ROLES as readonly string[]).includes(id))];
    const label = (id: string) => (ROLE_LABELS[id] ? translate(ROLE_LABELS[id]) : (groups?.find((g) => g.id === id)?.name ?? id));
    const options = [{ value: '', label: translate('<none>') }, ...ids.map((id) => ({ value: id, label: `${label(id)} (${id})` }))];
    const current = value();
    // A list or a group not created yet (e.g. from an imported file) stays visible, as lint reports it.
    if (current && !ids.includes(current)) options.push({ value: current, label: `${current} (${translate('unknown')})` });
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

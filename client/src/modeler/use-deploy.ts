// Deploying from the modeler: preview (summary of changes, problems) → confirm → deploy; server refusals kept for display.
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../app/api';
import type { DefinitionPreview, DeployResult } from '../app/types';
import type { DeployState } from './deploy-dialog';
import type { ServerProblem } from './problems-list';

export function useDeploy(modeler: { current: BpmnModeler | null }, onDeployed: (result: DeployResult) => void) {
  const [state, setState] = useState<DeployState>({ state: 'closed' });
  const [serverProblems, setServerProblems] = useState<ServerProblem[]>([]);
  // Which deployed version the modeler shows ("key@version"), so that routing to it after a deploy does not reload it.
  const shown = useRef<string | null>(null);
  const idOf = (key: string, version?: number) => `${key}@${version ?? 'latest'}`;

  const open = async () => {
    if (!modeler.current) return;
    setState({ state: 'checking' });
    try {
      const { xml } = await modeler.current.saveXML({ format: true });
      const preview = await api<DefinitionPreview>('/api/definitions/preview', { method: 'POST', body: { xml } });
      setServerProblems(preview.problems.filter((p) => p.severity === 'error'));
      setState({ state: 'preview', preview, xml: xml ?? '' });
    } catch (err) {
      if (err instanceof ApiError) setServerProblems(err.problems);
      setState({ state: 'failed', message: (err as Error).message });
    }
  };

  const confirm = async () => {
    if (state.state !== 'preview') return;
    setState({ ...state, deploying: true, error: undefined });
    try {
      const result = await api<DeployResult>('/api/definitions', { method: 'POST', body: { xml: state.xml } });
      setState({ state: 'closed' });
      setServerProblems([]);
      shown.current = idOf(result.key, result.version);
      onDeployed(result);
    } catch (err) {
      // A refusal lists the elements: they go to the problems list and get a marker on the canvas.
      if (err instanceof ApiError) setServerProblems(err.problems);
      setState({ ...state, deploying: false, error: (err as Error).message });
    }
  };

  return {
    state,
    serverProblems,
    open,
    confirm,
    close: () => setState({ state: 'closed' }),
    isShowing: (key: string, version?: number) => shown.current === idOf(key, version),
    showing: (key: string, version?: number) => {
      shown.current = idOf(key, version);
      setServerProblems([]);
    },
    forget: () => {
      shown.current = null;
      setServerProblems([]);
    },
  };
}

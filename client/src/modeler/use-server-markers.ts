// Marks the elements named by the server's last refusal on the canvas (the lint overlays cover the client's own check).
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useEffect } from 'preact/hooks';
import type { ServerProblem } from './problems-list';
import type { ImportState } from './use-modeler';

const MARKER = 'sf-server-problem';

export function useServerMarkers(modeler: { current: BpmnModeler | null }, problems: ServerProblem[], imported: ImportState) {
  useEffect(() => {
    const current = modeler.current;
    if (!current || imported.state !== 'done') return;
    const canvas: any = current.get('canvas');
    const registry: any = current.get('elementRegistry');
    const ids = [...new Set(problems.map((p) => p.elementId).filter((id): id is string => !!id && !!registry.get(id)))];
    for (const id of ids) canvas.addMarker(id, MARKER);
    return () => {
      for (const id of ids) if (registry.get(id)) canvas.removeMarker(id, MARKER);
    };
  }, [problems, imported]);
}

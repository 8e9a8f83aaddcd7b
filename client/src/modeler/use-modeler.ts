// One bpmn-js Modeler for the page: recreated when the language changes (keeping the diagram and selection), imports,
// lint results and the latest XML.
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { linkFlows } from '../../../src/engine/link-flows';
import type { Locale } from '../i18n/define';
import { createModeler, type ServerKnowledge } from './create-modeler';

export interface LintIssue {
  elementId: string;
  elementName: string;
  rule: string;
  message: string;
  category: 'error' | 'warn' | 'info';
}

export type ImportState =
  | { state: 'idle' }
  | { state: 'importing'; label: string }
  | { state: 'done'; label: string; warnings: string[]; elements: number }
  | { state: 'failed'; label: string; message: string; warnings: string[] };

type Issues = Record<string, { id: string; actualElementId?: string; rule: string; message: string; category: LintIssue['category'] }[]>;

export function useModeler(locale: Locale, known: ServerKnowledge | undefined) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  // The diagram as last imported or edited, carried into a recreated modeler; and the ids selected there.
  const carried = useRef<{ xml: string; label: string } | null>(null);
  const selection = useRef<string[]>([]);
  const [imported, setImported] = useState<ImportState>({ state: 'idle' });
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [dirty, setDirty] = useState(false);

  const load = useCallback(async (modeler: BpmnModeler, xml: string, label: string, keepSelection: string[] = []) => {
    setImported({ state: 'importing', label });
    try {
      const { warnings } = await modeler.importXML(xml);
      if (modelerRef.current !== modeler) return;
      carried.current = { xml, label };
      const registry: any = modeler.get('elementRegistry');
      fitBesidePalette(modeler.get('canvas'));
      const reselect = keepSelection.map((id) => registry.get(id)).filter(Boolean);
      if (reselect.length) {
        // The properties panel subscribes to selection in an effect that runs after the next paint: select after it.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        if (modelerRef.current === modeler) (modeler.get('selection') as any).select(reselect);
      }
      setImported({ state: 'done', label, warnings: warnings.map((w: any) => String(w.message ?? w)), elements: registry.getAll().length });
    } catch (err) {
      if (modelerRef.current !== modeler) return;
      const warnings = ((err as any).warnings ?? []).map((w: any) => String(w.message ?? w));
      setImported({ state: 'failed', label, message: (err as Error).message, warnings });
    }
  }, []);

  useEffect(() => {
    if (!known || !canvasRef.current || !panelRef.current) return;
    const modeler = createModeler({ canvas: canvasRef.current, panel: panelRef.current, locale, known });
    modelerRef.current = modeler;
    const eventBus: any = modeler.get('eventBus');
    // Listeners return nothing on purpose: a value returned to diagram-js's EventBus stops the event for everyone else.
    eventBus.on('linting.completed', ({ issues: found }: { issues: Issues }) => {
      setIssues(flatten(found, modeler));
    });
    // Same model as the deploy check: flows linked to their nodes even when the file did not list incoming/outgoing.
    eventBus.on('import.parse.complete', ({ elementsById }: { elementsById?: Record<string, any> }) => {
      if (elementsById) linkFlows(Object.values(elementsById));
    });
    eventBus.on('selection.changed', ({ newSelection }: { newSelection: { id: string }[] }) => {
      selection.current = newSelection.map((e) => e.id);
    });
    eventBus.on('commandStack.changed', ({ trigger }: { trigger?: string }) => {
      if (trigger === 'clear') return; // an import, not an edit
      setDirty(true);
      modeler.saveXML({ format: true }).then(({ xml }) => {
        if (xml && carried.current) carried.current = { ...carried.current, xml };
      });
    });
    if (carried.current) void load(modeler, carried.current.xml, carried.current.label, selection.current);
    return () => {
      modelerRef.current = null;
      modeler.destroy();
    };
  }, [locale, known, load]);

  const importXml = useCallback(
    async (xml: string, label: string) => {
      carried.current = { xml, label };
      setDirty(false);
      if (modelerRef.current) await load(modelerRef.current, xml, label);
    },
    [load],
  );

  /** Back to an empty canvas (e.g. "New" after another diagram). */
  const reset = useCallback(() => {
    carried.current = null;
    selection.current = [];
    (modelerRef.current as any)?.clear();
    setImported({ state: 'idle' });
    setIssues([]);
    setDirty(false);
  }, []);

  const selectElement = useCallback((id: string) => {
    const modeler = modelerRef.current;
    const element = (modeler?.get('elementRegistry') as any)?.get(id);
    if (!modeler || !element) return;
    (modeler.get('selection') as any).select(element);
    if (!element.waypoints && element.parent) (modeler.get('canvas') as any).scrollToElement(element);
  }, []);

  return { canvasRef, panelRef, modeler: modelerRef, imported, issues, dirty, setDirty, importXml, reset, selectElement };
}

function flatten(found: Issues, modeler: BpmnModeler): LintIssue[] {
  const registry: any = modeler.get('elementRegistry');
  const list: LintIssue[] = [];
  for (const reports of Object.values(found)) {
    for (const r of reports) {
      const elementId = r.actualElementId ?? r.id;
      const bo = registry.get(elementId)?.businessObject;
      list.push({ elementId, elementName: bo?.name ?? '', rule: r.rule, message: r.message, category: r.category });
    }
  }
  const rank = { error: 0, warn: 1, info: 2 };
  return list.sort((a, b) => rank[a.category] - rank[b.category] || a.elementId.localeCompare(b.elementId));
}

/** Like zoom('fit-viewport'), but leaves the palette's strip free so that no element hides under it. */
function fitBesidePalette(canvas: any): void {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height) return;
  const left = 120;
  const pad = 24;
  const scale = Math.min((outer.width - left - pad) / inner.width, (outer.height - 2 * pad) / inner.height, 1);
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - (outer.height / scale - inner.height) / 2,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}

// The instance's diagram (bpmn-js NavigatedViewer): visited path, active tokens, selection as markers; timers,
// awaited messages, incidents and task SLA clocks as overlays. Element names in the user's language (name.zh-CN).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InstanceDetail } from '../app/types';
import { formatCountdown, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Incident, SlaClock } from './instance-types';
import { visitedPath, type FlowInfo } from './visited-path';
import { timerDueText } from './timer-due';
import { localizedDiagram } from '../forms/local-text';

interface Props {
  xml: string;
  detail: InstanceDetail;
  incidents: Incident[];
  clocks: SlaClock[];
  selected: string | null;
  now: number;
  onSelect: (activityId: string | null) => void;
}

const MARKERS = ['sf-visited', 'sf-active', 'sf-taken', 'sf-selected', 'sf-incident'];

function badge(className: string, text: string, testId: string, title?: string): HTMLElement {
  const el = document.createElement('div');
  el.className = `sf-overlay ${className}`;
  el.dataset.testid = testId;
  el.textContent = text;
  if (title) el.title = title;
  return el;
}

export function DiagramView({ xml, detail, incidents, clocks, selected, now, onSelect }: Props) {
  const { t, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<any>(null);
  const [imported, setImported] = useState(0);
  const [importError, setImportError] = useState<string | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const v = new NavigatedViewer({ container: container.current! });
    viewer.current = v;
    v.get<any>('eventBus').on('element.click', (e: any) => select.current(e.element?.type === 'bpmn:Process' ? null : (e.element?.id ?? null)));
    return () => v.destroy();
  }, []);

  useEffect(() => {
    let live = true;
    setImportError(null);
    viewer.current.importXML(localizedDiagram(xml, locale)).then(
      () => {
        if (!live) return;
        viewer.current.get('canvas').zoom('fit-viewport', 'auto');
        setImported((n) => n + 1);
      },
      (err: Error) => live && setImportError(err.message),
    );
    return () => {
      live = false;
    };
  }, [xml, locale]);

  // Markers: the visited path, the active tokens, incidents and the selected element.
  useEffect(() => {
    if (!imported) return;
    const canvas = viewer.current.get('canvas');
    const registry = viewer.current.get('elementRegistry');
    const all: any[] = registry.getAll();
    for (const el of all) for (const m of MARKERS) canvas.removeMarker(el.id, m);
    const flows: FlowInfo[] = all
      .filter((e) => e.type === 'bpmn:SequenceFlow' && e.businessObject?.sourceRef && e.businessObject?.targetRef)
      .map((e) => ({ id: e.id, sourceId: e.businessObject.sourceRef.id, targetId: e.businessObject.targetRef.id }));
    const path = visitedPath(detail.history, flows, (id) => registry.get(id)?.type);
    const mark = (id: string | null | undefined, marker: string) => id && registry.get(id) && canvas.addMarker(id, marker);
    path.visited.forEach((id) => mark(id, 'sf-visited'));
    path.takenFlows.forEach((id) => mark(id, 'sf-taken'));
    if (detail.endActivityId) mark(detail.endActivityId, 'sf-visited');
    detail.activeActivityIds.forEach((id) => mark(id, 'sf-active'));
    incidents.filter((i) => i.status !== 'resolved').forEach((i) => mark(i.activityId, 'sf-incident'));
    mark(selected, 'sf-selected');
  }, [imported, detail, incidents, selected]);

  // A selection made in the timeline or the tasks table brings its element into view.
  useEffect(() => {
    if (imported && selected && viewer.current.get('elementRegistry').get(selected)) viewer.current.get('canvas').scrollToElement(selected, 40);
  }, [imported, selected]);

  // Overlays: timer due times with a countdown, awaited messages, open incidents, task SLA clocks.
  useEffect(() => {
    if (!imported) return;
    const overlays = viewer.current.get('overlays');
    const registry = viewer.current.get('elementRegistry');
    overlays.remove({ type: 'sf' });
    const add = (id: string | null | undefined, position: object, html: HTMLElement) => id && registry.get(id) && overlays.add(id, 'sf', { position, html });
    for (const timer of detail.timers) {
      const text = timer.calendar ? timerDueText(timer, now, true) : t('instance.overlay.timer', { due: formatDateTime(timer.dueAt), countdown: timer.dueAt ? formatCountdown(timer.dueAt, now) : '—' });
      add(timer.activityId, { bottom: -8, left: -60 }, badge('timer', text, `timer-overlay-${timer.activityId}`, timer.calendar ? `${timer.expression} · ${timerDueText(timer, now)}` : timer.expression));
    }
    for (const m of detail.awaitedMessages) add(m.activityId, { bottom: -8, left: -40 }, badge('message', t('instance.overlay.message', { name: m.messageName }), `message-overlay-${m.activityId}`));
    for (const i of incidents.filter((x) => x.status !== 'resolved')) {
      add(i.activityId, { top: -14, right: 14 }, badge('incident', t('instance.overlay.incident', { status: t(`instance.incident.${i.status}`) }), `incident-overlay-${i.activityId}`, i.error));
    }
    for (const c of clocks.filter((x) => x.activityId && x.status !== 'cancelled')) {
      const tone = c.breached ? 'danger' : c.status === 'met' ? 'ok' : (c.percentUsed ?? 0) >= 75 ? 'warn' : 'ok';
      const left = c.dueAt && !c.stoppedAt ? formatCountdown(c.dueAt, now) : t(`instance.sla.status.${c.status}`);
      add(c.activityId, { top: -14, left: 0 }, badge(`sla ${tone}`, `SLA · ${left}`, `sla-overlay-${c.activityId}`, c.policyName));
    }
  }, [imported, detail, incidents, clocks, now, locale]);

  return (
    <div class="diagram-wrap">
      {importError && <div class="error" role="alert" data-testid="diagram-error">{t('instance.diagram.importError', { message: importError })}</div>}
      <div class="diagram" ref={container} data-testid="diagram" data-imported={imported > 0 ? 'true' : 'false'} />
      <ul class="legend muted">
        <li><span class="swatch visited" />{t('instance.legend.visited')}</li>
        <li><span class="swatch active" />{t('instance.legend.active')}</li>
        <li><span class="swatch taken" />{t('instance.legend.taken')}</li>
        <li><span class="swatch incident" />{t('instance.legend.incident')}</li>
      </ul>
    </div>
  );
}

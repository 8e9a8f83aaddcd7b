// The modeler screen: open a deployed version (or a file, or a new diagram), edit it in our dialect with live lint,
// simulate it against the latest deployed version, and deploy it as the next version after a summary of what changed.
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../app/api';
import { useProcessNames } from '../app/process-names';
import { ErrorMessage } from '../app/status';
import type { DefinitionSummary, ServiceHandler, SlaPolicySummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { DeployDialog } from './deploy-dialog';
import { download } from './downloads';
import { ImportDialog } from './import-dialog';
import { ImportStatus } from './import-status';
import { useFileImport } from './use-file-import';
import { ModelerToolbar } from './modeler-toolbar';
import { NewDiagramForm } from './new-diagram-form';
import { newDiagramXml } from './new-diagram';
import { ProblemsList } from './problems-list';
import { useDeploy } from './use-deploy';
import { useModeler } from './use-modeler';
import { useServerMarkers } from './use-server-markers';
import { FormDesign } from './form/form-design';
import { SimulateDialog } from '../simulation/simulate-dialog';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './modeler.css';

async function loadKnowledge() {
  const [handlers, policies, groups, calendars] = await Promise.all([
    api<ServiceHandler[]>('/api/service-handlers'),
    api<SlaPolicySummary[]>('/api/sla/policies'),
    api<{ id: string; name: string }[]>('/api/groups').catch(() => undefined),
    api<{ id: string; name: string }[]>('/api/sla/calendars'),
  ]);
  return { handlers, policies, groups, calendars };
}

export function ModelerPage() {
  const { t, locale } = useI18n();
  const { params, query } = useRoute();
  const { route } = useLocation();
  const key: string = params.key ?? 'new';
  const version = query.version ? Number(query.version) : undefined;
  const known = useResource(loadKnowledge, []);
  const m = useModeler(locale, known.data);
  const [versionsTick, setVersionsTick] = useState(0);
  const versions = useResource(() => (key === 'new' ? Promise.resolve([] as DefinitionSummary[]) : api<DefinitionSummary[]>(`/api/definitions/${encodeURIComponent(key)}`)), [key, versionsTick]);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [simulating, setSimulating] = useState(false);
  const latest = versions.data?.[0]?.version;
  const deploy = useDeploy(m.modeler, (result) => {
    m.setDirty(false);
    setVersionsTick((n) => n + 1);
    // In the URL, the notice survives the router remounting the page when the key changes (e.g. from "new").
    route(`/modeler/${encodeURIComponent(result.key)}?version=${result.version}&deployed=1`, true);
  });
  useServerMarkers(m.modeler, deploy.serverProblems, m.imported);
  const fileImport = useFileImport((xml, label) => m.importXml(xml, label));

  // Opens the requested deployed version, unless it is what the modeler already shows (e.g. right after a deploy).
  useEffect(() => {
    setLoadError(null);
    if (key === 'new') {
      deploy.forget();
      m.reset();
      return;
    }
    if (deploy.isShowing(key, version)) return;
    deploy.showing(key, version);
    api<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, { text: true, query: { version } }).then(
      (xml) => m.importXml(xml, version ? `${key} v${version}` : key),
      (err: Error) => setLoadError(err),
    );
  }, [key, version]);

  const save = async (what: 'xml' | 'svg') => {
    const modeler = m.modeler.current;
    if (!modeler) return;
    const name = (modeler.getDefinitions()?.rootElements ?? []).find((e: any) => e.$type === 'bpmn:Process')?.id ?? 'diagram';
    if (what === 'xml') download((await modeler.saveXML({ format: true })).xml ?? '', `${name}.bpmn`, 'application/xml');
    else download((await modeler.saveSVG()).svg, `${name}.svg`, 'image/svg+xml');
  };

  return (
    <section class="modeler-page">
      <div class="modeler-head">
        <ModelerTitle processKey={key} />
        <ImportStatus imported={m.imported} />
        {m.dirty && <span class="badge warn">{t('modeler.unsaved')}</span>}
        {query.deployed === '1' && version && (
          <span class="badge ok" role="status" data-testid="deploy-notice">
            {t('modeler.deployed', { key, version })}
          </span>
        )}
      </div>
      <ModelerToolbar
        versions={versions.data}
        version={version}
        onVersion={(v) => route(`/modeler/${encodeURIComponent(key)}?version=${v}`)}
        onOpenFile={fileImport.openFile}
        onDownloadXml={() => save('xml')}
        onDownloadSvg={() => save('svg')}
        onDeploy={deploy.open}
        onSimulate={() => setSimulating(true)}
        canExport={m.imported.state === 'done'}
        canSimulate={key !== 'new' && latest !== undefined}
      />
      {known.error && <ErrorMessage error={known.error} onRetry={known.reload} />}
      {loadError && <ErrorMessage error={loadError} />}
      <div class="modeler-main">
        <div class="modeler-canvas-wrap">
          <div class="modeler-canvas" ref={m.canvasRef} data-testid="canvas" />
          <FormDesign modeler={m.modeler} imported={m.imported} />
          {key === 'new' && m.imported.state === 'idle' && known.data && <NewDiagramForm onCreate={(id, name) => m.importXml(newDiagramXml(id, name), id)} />}
        </div>
        <div class="modeler-panel" ref={m.panelRef} data-testid="properties-panel" />
      </div>
      <ProblemsList issues={m.issues} server={deploy.serverProblems} onSelect={m.selectElement} />
      <DeployDialog deploy={deploy.state} onConfirm={deploy.confirm} onClose={deploy.close} />
      {simulating && latest !== undefined && (
        <SimulateDialog definitionKey={key} baseVersion={latest} currentXml={async () => (await m.modeler.current!.saveXML({ format: true })).xml ?? ''} policies={known.data?.policies} onClose={() => setSimulating(false)} />
      )}
      <ImportDialog pending={fileImport.pending} onOpen={fileImport.choose} onClose={fileImport.cancel} />
    </section>
  );
}

/**
 * The heading: the process's localized name, its key beside it. A component of its own so that the names arriving
 * re-render only the heading, not the page around an open modeler or form designer (which would lose its edits).
 */
function ModelerTitle({ processKey }: { processKey: string }) {
  const { t } = useI18n();
  const processName = useProcessNames();
  if (processKey === 'new') return <h1>{t('modeler.titleNew')}</h1>;
  const name = processName(processKey);
  return (
    <h1>
      {t('modeler.title', { key: name })}
      {name !== processKey && <span class="muted small" data-testid="modeler-key"> {processKey}</span>}
    </h1>
  );
}

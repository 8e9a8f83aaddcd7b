// The migration screen (supervisors, managers, admins): pick a process and its source and target versions, see the
// generated plan and map the remaining active activities by hand, dry-run it per instance, then migrate as a batch.
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../app/api';
import { ErrorMessage, Loading } from '../app/status';
import type { DefinitionSummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { BatchProgress, useBatch } from '../bulk/batch-progress';
import { labelOf, takeHandover, type Picked } from '../bulk/selection';
import { localName } from '../forms/local-text';
import { useI18n } from '../i18n/i18n';
import { DryRunResults, type InstanceReport } from './dry-run-results';
import { PlanView } from './plan-view';
import { useInstances, usePlan, useVersions } from './use-migration-data';
import '../bulk/bulk.css';

export function MigrationPage() {
  const { t, locale } = useI18n();
  const { query, route } = useLocation();
  const [handedOver] = useState<Picked[] | null>(takeHandover);
  const key = query.key ?? '';
  const definitions = useResource(() => api<DefinitionSummary[]>('/api/definitions'), []);
  const versions = useVersions(key);
  const sorted = useMemo(() => [...(versions.data ?? [])].sort((a, b) => a.version - b.version), [versions.data]);
  const [picked, setPicked] = useState<{ source?: number; target?: number }>({});
  const sourceVersion = picked.source ?? handedOver?.[0]?.definitionVersion ?? sorted[sorted.length - 2]?.version;
  const targetVersion = picked.target ?? sorted[sorted.length - 1]?.version;
  const source = sorted.find((v) => v.version === sourceVersion);
  const target = sorted.find((v) => v.version === targetVersion);
  const instances = useInstances(key, source, handedOver);
  const plan = usePlan(source, target);
  const [manual, setManual] = useState<Record<string, string>>({});
  const [reports, setReports] = useState<InstanceReport[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [batchLabels, setBatchLabels] = useState<Record<string, string>>({});
  const { batch } = useBatch(batchId, () => instances.reload());

  const list = instances.data ?? [];
  const labels = Object.fromEntries(list.map((i) => [i.id, labelOf(i)]));
  const generated = plan.data?.generated ?? [];
  const mapped = new Set(generated.map((i) => i.sourceActivityIds[0]));
  const unmapped = [...new Set(list.flatMap((i) => i.activeActivityIds))].filter((id) => !mapped.has(id)).sort();
  const migrationPlan = source && target && {
    sourceProcessDefinitionId: source.id,
    targetProcessDefinitionId: target.id,
    instructions: [...generated, ...Object.entries(manual).filter(([, to]) => to).map(([from, to]) => ({ sourceActivityIds: [from], targetActivityIds: [to] }))],
  };
  const reset = () => (setReports(null), setBatchId(null), setProblem(null));
  const choose = (next: { source?: number; target?: number }) => (setPicked({ source: sourceVersion, target: targetVersion, ...next }), setManual({}), reset());

  async function send(path: string): Promise<unknown> {
    setProblem(null);
    setBusy(true);
    try {
      return await api(path, { method: 'POST', body: { migrationPlan, processInstanceIds: list.map((i) => i.id) } });
    } catch (err) {
      setProblem((err as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  }
  const dryRun = async () => {
    const answer = (await send('/api/migration/validate')) as { instanceReports: InstanceReport[] } | null;
    if (answer) setReports(answer.instanceReports);
  };
  const migrate = async () => {
    const answer = (await send('/api/migration/executeAsync')) as { id: string } | null;
    if (answer) (setBatchLabels(labels), setBatchId(answer.id));
  };

  const ready = !!migrationPlan && !!plan.data && list.length > 0 && source?.id !== target?.id;
  return (
    <section class="page wide migration-page" data-testid="migration-page">
      <h1>{t('migration.title')}</h1>
      <p class="muted">{t('migration.subtitle')}</p>
      <div class="row filters">
        <label>{t('migration.process')}
          <select name="process" value={key} onChange={(e) => (route(`/migration?key=${encodeURIComponent(e.currentTarget.value)}`, true), setPicked({}), setManual({}), reset())}>
            <option value="">—</option>
            {definitions.data?.map((d) => <option key={d.key} value={d.key}>{localName(d.name, d.names, locale) || d.key}</option>)}
          </select>
        </label>
        <label>{t('migration.sourceVersion')}
          <select name="source" value={String(sourceVersion ?? '')} onChange={(e) => choose({ source: Number(e.currentTarget.value) })}>
            {sorted.map((v) => <option key={v.id} value={v.version}>v{v.version}</option>)}
          </select>
        </label>
        <label>{t('migration.targetVersion')}
          <select name="target" value={String(targetVersion ?? '')} onChange={(e) => choose({ target: Number(e.currentTarget.value) })}>
            {sorted.map((v) => <option key={v.id} value={v.version}>v{v.version}</option>)}
          </select>
        </label>
      </div>
      {key && sorted.length < 2 && versions.data && <p class="muted">{t('migration.oneVersion')}</p>}
      {source && target && source.id === target.id && <p class="muted">{t('migration.sameVersion')}</p>}
      {(versions.error ?? instances.error ?? plan.error) && <ErrorMessage error={(versions.error ?? instances.error ?? plan.error)!} />}
      {source && (
        <p data-testid="migration-instances">
          {instances.loading && !instances.data ? <Loading /> : t(handedOver ? 'migration.selectedInstances' : 'migration.activeInstances', { n: list.length, version: source.version })}
        </p>
      )}
      {plan.data && <PlanView generated={generated} unmapped={unmapped} manual={manual} sourceActivities={plan.data.sourceActivities} targetActivities={plan.data.targetActivities} onMap={(from, to) => (setManual({ ...manual, [from]: to }), reset())} />}
      <div class="row">
        <button type="button" disabled={!ready || busy} onClick={dryRun}>{t('migration.dryRun')}</button>
        <button type="button" class="primary" disabled={!ready || busy || !!batchId} onClick={migrate}>{t('migration.migrate', { n: list.length })}</button>
      </div>
      {problem && <p class="error" role="alert">{problem}</p>}
      {reports && <DryRunResults reports={reports} labels={labels} />}
      {batch && (
        <section class="panel">
          <h2>{t('migration.running')}</h2>
          <BatchProgress batch={batch} labels={batchLabels} />
        </section>
      )}
    </section>
  );
}

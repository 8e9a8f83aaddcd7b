// The incidents screen: filter by process, kind, activity, age and status; retry or resolve (note and variables) one
// incident or a selection, with each one's outcome shown beside it.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useLiveEvents } from '../app/live-events';
import { Empty, ErrorMessage } from '../app/status';
import type { Page } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { act, parseVariables, type Outcome } from './incident-actions';
import { IncidentFilters, type Filters } from './incident-filters';
import './incidents.css';

interface Row { id: string; processInstanceId: string; definitionKey: string | null; type: string; activityId: string; error: string; attempts: number; status: string; createdAt: string }
const EVENTS = ['incident.created', 'incident.open', 'incident.retry_failed', 'incident.resolved'];

export function IncidentsPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const list = useResource(() => api<Page<Row>>('/api/incidents', { query: { ...filters, limit: 100 } }), [filters]);
  useLiveEvents({ roles: ['supervisor', 'manager'], types: EVENTS }, () => list.reload());
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [variables, setVariables] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = list.data?.items ?? [];

  async function run(ids: string[], action: 'retry' | 'resolve') {
    setProblem(null);
    let vars: Record<string, unknown>;
    try {
      vars = parseVariables(variables);
    } catch (err) {
      return setProblem(t('incidents.badVariables', { error: (err as Error).message }));
    }
    if (action === 'resolve' && !note.trim()) return setProblem(t('incidents.noteRequired'));
    setBusy(true);
    const result = await act(ids, action, { note, variables: vars });
    setLabels(Object.fromEntries(items.filter((i) => ids.includes(i.id)).map((i) => [i.id, `${i.definitionKey ?? ''} ${i.activityId}`])));
    setOutcomes(result);
    setSelected([]);
    setBusy(false);
    list.reload();
  }

  const toggle = (id: string) => setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <section class="page wide incidents-page" data-testid="incidents-page">
      <h1>{t('incidents.title')}</h1>
      <IncidentFilters value={filters} onChange={(f) => (setFilters(f), setSelected([]))} />
      <fieldset class="incident-input">
        <label>{t('incidents.note')}<input name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} /></label>
        <label>{t('incidents.variables')}<textarea name="variables" rows={2} placeholder='{"quote": 120}' value={variables} onInput={(e) => setVariables(e.currentTarget.value)} /></label>
        <button type="button" disabled={busy || !selected.length} onClick={() => run(selected, 'retry')}>{t('incidents.retrySelected', { n: selected.length })}</button>
        <button type="button" disabled={busy || !selected.length} onClick={() => run(selected, 'resolve')}>{t('incidents.resolveSelected', { n: selected.length })}</button>
      </fieldset>
      {problem && <p class="error" role="alert">{problem}</p>}
      {/* Outcomes of the last action: listed apart, since a retried or resolved incident may leave the filtered list. */}
      <ul class="plain incident-outcomes">
        {Object.entries(outcomes).map(([id, o]) => (
          <li key={id} data-testid="incident-outcome" class={o.ok ? '' : 'error'}>
            <code>{labels[id] ?? id.slice(0, 8)}</code>: {o.ok ? t('incidents.done', { status: t(`instance.incident.${o.status}`) }) : o.error}
          </li>
        ))}
      </ul>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <Empty>{t('incidents.none')}</Empty>}
      {items.length > 0 && <table class="table incidents">
        <thead><tr><th /><th>{t('incidents.process')}</th><th>{t('incidents.type')}</th><th>{t('incidents.activity')}</th><th>{t('incidents.error')}</th><th>{t('incidents.opened')}</th><th>{t('incidents.status')}</th><th /></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-incident={i.id}>
              <td><input type="checkbox" aria-label={t('incidents.select', { activity: i.activityId })} checked={selected.includes(i.id)} onChange={() => toggle(i.id)} /></td>
              <td><a href={`/instances/${i.processInstanceId}`}>{i.definitionKey ?? '—'}</a></td>
              <td>{t(`incidents.type.${i.type}`)}</td>
              <td><code>{i.activityId}</code></td>
              <td class="small">{i.error}</td>
              <td>{formatDateTime(i.createdAt)}</td>
              <td>{t(`instance.incident.${i.status}`)} ({i.attempts})</td>
              <td>
                {i.status !== 'resolved' && <button type="button" disabled={busy} onClick={() => run([i.id], 'retry')}>{t('incidents.retry')}</button>}
                {i.status !== 'resolved' && <button type="button" disabled={busy} onClick={() => run([i.id], 'resolve')}>{t('incidents.resolve')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>}
    </section>
  );
}

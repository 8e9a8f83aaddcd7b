// The instances list's bulk-action bar: the selection (or all matching the filter), cancel with a reason as a
// background batch with its progress, or hand the selection to the migration screen.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { BatchProgress, useBatch } from './batch-progress';
import { allMatching, handOver, labelOf, type Picked, type useSelection } from './selection';
import './bulk.css';

interface Props {
  selection: ReturnType<typeof useSelection>;
  filters: Record<string, string>;
  total: number;
  onFinished: () => void;
}

export function BulkBar({ selection, filters, total, onFinished }: Props) {
  const { t } = useI18n();
  const { route } = useLocation();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const { batch } = useBatch(batchId, onFinished);
  const picked = [...selection.picked.values()];

  async function guarded(work: () => Promise<void>) {
    setProblem(null);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const selectAll = () => guarded(async () => selection.set(await allMatching(filters)));
  const cancel = (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setProblem(t('bulk.reasonRequired'));
    return guarded(async () => {
      const created = await api<{ id: string }>('/api/batches', { method: 'POST', body: { type: 'cancel', ids: picked.map((i) => i.id), reason: reason.trim() } });
      setLabels(Object.fromEntries(picked.map((i) => [i.id, labelOf(i)])));
      setBatchId(created.id);
      setCancelling(false);
      selection.clear();
    });
  };
  const migrate = () => {
    const keys = new Set(picked.map((i: Picked) => i.definitionKey));
    if (keys.size !== 1) return setProblem(t('bulk.oneProcess'));
    handOver(picked);
    route(`/migration?key=${encodeURIComponent([...keys][0])}`);
  };

  return (
    <div class="bulk-bar panel" data-testid="bulk-bar">
      <div class="row">
        <strong data-testid="selected-count">{t('bulk.selected', { n: picked.length })}</strong>
        <button type="button" disabled={busy || total === 0} onClick={selectAll}>{t('bulk.selectAll', { n: total })}</button>
        <button type="button" disabled={!picked.length} onClick={selection.clear}>{t('bulk.clear')}</button>
        <button type="button" class="danger" disabled={busy || !picked.length} onClick={() => setCancelling(!cancelling)}>{t('bulk.cancel')}</button>
        <button type="button" disabled={busy || !picked.length} onClick={migrate}>{t('bulk.migrate')}</button>
      </div>
      {cancelling && (
        <form class="row" onSubmit={cancel}>
          <label>{t('bulk.reason')}<input name="bulk-reason" value={reason} maxLength={1000} onInput={(e) => setReason(e.currentTarget.value)} /></label>
          <button type="submit" class="danger" disabled={busy}>{t('bulk.cancelConfirm', { n: picked.length })}</button>
        </form>
      )}
      {problem && <p class="error" role="alert">{problem}</p>}
      {batch && <BatchProgress batch={batch} labels={labels} />}
    </div>
  );
}

// A background batch's progress (GET /api/batches/{id}, polled until nothing is pending) and its per-item results.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../app/api';
import { useI18n } from '../i18n/i18n';

export interface BatchView {
  id: string;
  type: string;
  endedAt: string | null;
  progress: { total: number; done: number; failed: number; pending: number };
  items?: { targetId: string; status: 'pending' | 'done' | 'failed'; error: string | null }[];
}

const POLL_MS = 700;

/** Polls the batch while it runs; `onFinished` is called once when nothing is left pending. */
export function useBatch(id: string | null, onFinished?: (batch: BatchView) => void): { batch: BatchView | null; error: string | null } {
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setBatch(null);
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await api<BatchView>(`/api/batches/${id}`);
        if (stopped) return;
        setBatch(next);
        setError(null);
        if (next.progress.pending === 0) return onFinished?.(next);
      } catch (err) {
        if (!stopped) setError((err as Error).message);
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { batch, error };
}

/** Progress bar and counts; with `labels`, the items (target id → label) with their outcome. */
export function BatchProgress({ batch, labels }: { batch: BatchView; labels?: Record<string, string> }) {
  const { t } = useI18n();
  const { total, done, failed, pending } = batch.progress;
  return (
    <div class="batch-progress" data-testid="batch-progress" data-pending={pending}>
      <progress max={total} value={done + failed} aria-label={t('bulk.progress')} />
      <span data-testid="batch-counts">{t('bulk.counts', { done, failed, pending, total })}</span>
      {pending === 0 && <strong class="batch-finished">{t('bulk.finished')}</strong>}
      {labels && batch.items && (
        <ul class="plain batch-items">
          {batch.items.map((i) => (
            <li key={i.targetId} data-testid="batch-item" data-status={i.status} class={i.status === 'failed' ? 'error' : ''}>
              <code>{labels[i.targetId] ?? i.targetId.slice(0, 8)}</code> {t(`bulk.item.${i.status}`)}{i.error && `: ${i.error}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

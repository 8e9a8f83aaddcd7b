// Cancelling an active instance with a reason (DELETE /api/process-instances/:id); the server's refusal is shown.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../app/api';
import { useI18n } from '../i18n/i18n';

export function CancelInstance({ id, onCancelled }: { id: string; onCancelled: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/process-instances/${id}`, { method: 'DELETE', body: { reason: reason.trim() } });
      setOpen(false);
      onCancelled();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 0 ? t('common.offline') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!open) return <button type="button" class="danger" onClick={() => setOpen(true)}>{t('instance.cancel.open')}</button>;
  return (
    <form class="cancel-box panel" onSubmit={submit} data-testid="cancel-form">
      <label for="cancel-reason">{t('instance.cancel.reason')}</label>
      <input id="cancel-reason" value={reason} maxLength={1000} placeholder={t('instance.cancel.placeholder')} onInput={(e) => setReason(e.currentTarget.value)} />
      {error && <div class="error" role="alert">{error}</div>}
      <div class="row">
        <button type="submit" class="danger" disabled={busy}>{t('instance.cancel.confirm')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

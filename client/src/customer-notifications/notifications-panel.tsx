// The instance viewer's "Customer notifications": every delivery of the request (channel, template, status, attempts,
// last error), so a failing gateway or a refused address is seen on the request itself; a lead can send a failed one again.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useSession } from '../app/session';
import { Empty, ErrorMessage } from '../app/status';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

interface Delivery {
  id: string;
  channel: string;
  to: string;
  template: string;
  language: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

const TONE: Record<Delivery['status'], string> = { sent: 'ok', pending: 'warn', failed: 'danger', skipped: '' };
// who may send a failed delivery again (the API's supervise rule)
const LEADS = ['supervisor', 'manager'];

/** `revision` reloads the log when the instance changed (a new notification may have been recorded). */
export function NotificationsPanel({ instanceId, revision }: { instanceId: string; revision: unknown }) {
  const { t } = useI18n();
  const session = useSession();
  const path = `/api/process-instances/${encodeURIComponent(instanceId)}/notifications`;
  const log = useResource(() => api<{ items: Delivery[] }>(path), [instanceId, revision]);
  const [retry, setRetry] = useState<{ id: string; error?: Error; done?: boolean } | null>(null);
  const items = log.data?.items ?? [];
  const mayRetry = LEADS.includes(session.role) || !!session.auth?.user.roles.includes('admin' as never);
  const send = async (id: string) => {
    setRetry({ id });
    try {
      await api(`${path}/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {} });
      setRetry({ id, done: true });
      log.reload();
    } catch (error) {
      setRetry({ id, error: error as Error });
    }
  };
  return (
    <section class="panel">
      <h2>{t('notifications.title')}</h2>
      {items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <table class="table compact" data-testid="customer-notifications">
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-delivery={d.id} data-status={d.status}>
                <td>{d.template}<div class="muted">{d.channel} · {d.to} · {d.language}</div></td>
                <td>
                  <span class={`badge ${TONE[d.status]}`}>{t(`notifications.status.${d.status}`)}</span>
                  <div class="muted">×{d.attempts}{d.sentAt ? ` · ${formatDateTime(d.sentAt)}` : d.nextAttemptAt ? ` · ${formatDateTime(d.nextAttemptAt)}` : ''}</div>
                  {d.lastError && <div class="muted">{d.lastError}</div>}
                  {d.status === 'failed' && mayRetry && (
                    <button type="button" disabled={retry?.id === d.id && !retry.error && !retry.done} onClick={() => send(d.id)}>{t('notifications.retry')}</button>
                  )}
                  {retry?.id === d.id && retry.done && <div class="muted" role="status">{t('notifications.retried')}</div>}
                  {retry?.id === d.id && retry.error && <ErrorMessage error={retry.error} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

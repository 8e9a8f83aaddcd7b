// The instance viewer's "Customer notifications": every delivery of the request (channel, template, status, attempts,
// last error), so a failing gateway or a refused address is seen on the request itself.
import { api } from '../app/api';
import { Empty } from '../app/status';
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

/** `revision` reloads the log when the instance changed (a new notification may have been recorded). */
export function NotificationsPanel({ instanceId, revision }: { instanceId: string; revision: unknown }) {
  const { t } = useI18n();
  const log = useResource(() => api<{ items: Delivery[] }>(`/api/process-instances/${encodeURIComponent(instanceId)}/notifications`), [instanceId, revision]);
  const items = log.data?.items ?? [];
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

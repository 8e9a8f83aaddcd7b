// The instance's open external tasks: the topic a worker must fetch, who holds the lock and until when, retries left.
import type { InstanceDetail } from '../app/types';
import { formatCountdown, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export interface WaitingExternalTask {
  id: string;
  activityId: string;
  topicName: string;
  workerId: string | null;
  lockExpirationTime: string | null;
  retries: number | null;
  errorMessage: string | null;
}

export function ExternalTasksPanel({ detail, now, onSelect }: { detail: InstanceDetail; now: number; onSelect: (activityId: string) => void }) {
  const { t } = useI18n();
  const tasks = (detail.externalTasks as WaitingExternalTask[] | undefined) ?? [];
  if (!tasks.length) return null;
  return (
    <section class="panel">
      <h2>{t('instance.external.title')}</h2>
      <ul class="plain" data-testid="external-tasks">
        {tasks.map((x) => {
          const locked = x.workerId && x.lockExpirationTime && new Date(x.lockExpirationTime).getTime() > now;
          return (
            <li key={x.id} data-external-task={x.topicName}>
              <span class={`badge ${x.retries === 0 ? 'danger' : locked ? 'ok' : 'warn'}`}>{t(x.retries === 0 ? 'instance.external.noRetries' : locked ? 'instance.external.locked' : 'instance.external.waiting')}</span>{' '}
              <code>{x.topicName}</code> <span class="muted">{x.activityId}</span>{' '}
              {locked && <span>{t('instance.external.lockedBy', { worker: x.workerId!, until: formatDateTime(x.lockExpirationTime), countdown: formatCountdown(x.lockExpirationTime!, now) })}</span>}
              {x.retries !== null && <span class="muted"> · {t('instance.external.retries', { retries: x.retries })}</span>}
              {x.errorMessage && <span class="muted"> · {x.errorMessage}</span>}{' '}
              <button type="button" class="link" onClick={() => onSelect(x.activityId)}>{t('instance.locate')}</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Handing on an open task: unclaim, delegate to a colleague of its groups, resolve back to the owner, follow-up date.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useSession } from '../app/session';
import type { Task } from '../app/types';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';

const LEADS = ['supervisor', 'manager'];

export function TaskActions({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [to, setTo] = useState('');
  const [followUp, setFollowUp] = useState(toLocalInput(task.followUp));
  const [error, setError] = useState<string | null>(null);
  const holds = task.assignee === session.name || LEADS.includes(session.role) || !!session.auth?.user.roles.includes('admin' as never);
  const candidates = useResource(() => (holds && task.assignee ? api<string[]>(`/api/tasks/${task.id}/candidates`) : Promise.resolve([])), [task.id, task.assignee, holds]);
  if (task.status !== 'open') return null;
  const run = (path: string, method: 'POST' | 'PUT', body?: unknown) => async () => {
    setError(null);
    try {
      await api(`/api/tasks/${task.id}/${path}`, { method, body });
    } catch (err) {
      setError((err as Error).message);
    }
    onChanged();
  };
  const owner = typeof task.owner === 'string' ? task.owner : null;
  return (
    <div class="task-actions" data-testid="task-actions">
      {task.delegationState === 'pending' && owner && <p class="notice">{t('tasklist.delegatedBy', { owner })}</p>}
      {task.assignee && holds && (
        <div class="row">
          <button type="button" onClick={run('unclaim', 'POST')}>
            {t('tasklist.unclaim')}
          </button>
          <select aria-label={t('tasklist.delegateTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">{t('tasklist.pickUser')}</option>
            {(candidates.data ?? []).filter((u) => u !== task.assignee).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
          <button type="button" disabled={!to} onClick={run('delegate', 'POST', { userId: to })}>
            {t('tasklist.delegate')}
          </button>
          {task.delegationState === 'pending' && owner && (
            <button type="button" onClick={run('resolve', 'POST')}>
              {t('tasklist.resolve', { owner })}
            </button>
          )}
        </div>
      )}
      <div class="row">
        <label>
          {t('tasklist.followUp')} <input type="datetime-local" value={followUp} onInput={(e) => setFollowUp(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={!followUp} onClick={run('follow-up', 'PUT', { followUp: followUp ? new Date(followUp).toISOString() : null })}>
          {t('tasklist.setFollowUp')}
        </button>
        {task.followUp ? (
          <button type="button" onClick={run('follow-up', 'PUT', { followUp: null })}>
            {t('tasklist.clearFollowUp')}
          </button>
        ) : null}
      </div>
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** An ISO time as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

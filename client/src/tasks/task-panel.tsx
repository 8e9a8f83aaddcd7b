// One task: its state, claim (a 409 explained), the form when it is mine, and the request's context beside it.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../app/api';
import { useSession } from '../app/session';
import { Loading } from '../app/status';
import type { InstanceDetail, SlaState, Task } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { RequestContext } from './request-context';
import { TaskForm, type Completed } from './task-form';
import { RequestNotes } from '../request-notes/request-notes';
import { TaskActions } from './task-actions';
import { TaskLoadError } from './foreign-task';
import { AwaitedMessages } from '../instances/awaited-messages';
import { localName } from '../forms/local-text';

export interface TaskDetail extends Task {
  sla: SlaState[];
}

export function TaskPanel({ id, version, onChanged, onCompleted }: { id: string; version: number; onChanged: () => void; onCompleted: (task: TaskDetail, result: Completed) => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  // `version` goes up when a live event concerns this task, so it is read again.
  const detail = useResource(async () => {
    const task = await api<TaskDetail>(`/api/tasks/${id}`);
    const instance = await api<InstanceDetail>(`/api/process-instances/${task.processInstanceId}`);
    return { task, instance };
  }, [id, version]);
  const [claimError, setClaimError] = useState<string | null>(null);
  const [claiming, setClaiming] = useState(false);

  if (detail.error && detail.data?.task.id !== id) return <TaskLoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || detail.data.task.id !== id) return <Loading />;
  const { task, instance } = detail.data;
  const mine = task.assignee === session.name;

  const claim = async () => {
    setClaiming(true);
    setClaimError(null);
    try {
      await api(`/api/tasks/${id}/claim`, { method: 'POST', body: { assignee: session.name } });
    } catch (err) {
      setClaimError(err instanceof ApiError && err.status === 409 ? t('tasks.claimConflict', { message: err.message }) : (err as Error).message);
    } finally {
      setClaiming(false);
      detail.reload();
      onChanged();
    }
  };

  return (
    <div class="task-detail" data-testid="task-detail">
      <section class="panel task-main">
        <h2>{localName(task.name, task.names, locale)}</h2>
        <p class="muted">
          {task.businessKey ?? task.processInstanceId.slice(0, 8)} · {formatDateTime(task.createdAt)} · {task.assignee ?? t('tasks.unassigned')}
        </p>
        {claimError && (
          <div class="error" role="alert" data-testid="claim-error">
            {claimError}
          </div>
        )}
        {task.status !== 'open' && <p class="notice">{t('tasks.notOpen', { status: t(`tasks.status.${task.status}`) })}</p>}
        {task.status === 'open' && !mine && (
          <div class="claim-box">
            <p>{task.assignee ? t('tasks.claimedBy', { name: task.assignee }) : t('tasks.claimFirst')}</p>
            {!task.assignee && (
              <button type="button" class="primary" onClick={claim} disabled={claiming}>
                {claiming ? t('tasks.claiming') : t('tasks.claim')}
              </button>
            )}
          </div>
        )}
        <TaskActions key={`${task.id}-${task.assignee}`} task={task} onChanged={() => (detail.reload(), onChanged())} />
        {/* A pending delegation is resolved back to the owner, who completes it (Camunda's rule; the server refuses otherwise). */}
        {task.status === 'open' && mine && task.delegationState !== 'pending' && <TaskForm key={task.id} task={task} variables={instance.variables} onCompleted={(result) => onCompleted(task, result)} />}
      </section>
      <div>
        <RequestContext instance={instance} clocks={task.sla ?? []} />
        <AwaitedMessages processInstanceId={instance.id} version={version} onSent={() => (detail.reload(), onChanged())} />
        <RequestNotes instanceId={task.processInstanceId} />
      </div>
    </div>
  );
}

// Tasklist for agents and technicians: open tasks of my role or assigned to me, live; the selected task (/tasks/:id) beside.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../app/api';
import { useLiveEvents } from '../app/live-events';
import { useSession } from '../app/session';
import { Empty, ErrorMessage, LiveDot, Loading } from '../app/status';
import type { Page, Task } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { SlaCell } from './sla-countdown';
import { useNow } from '../app/use-now';
import { TaskPanel } from './task-panel';
import './tasks.css';

const LIVE_TYPES = ['task.created', 'task.completed', 'task.cancelled', 'escalation.reassigned', 'sla.warning', 'sla.breached'];
type View = 'role' | 'mine';

export function TasklistPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const session = useSession();
  const { route } = useLocation();
  const [view, setView] = useState<View>('role');
  const [version, setVersion] = useState(0);
  // Kept as parameters, not text, so a language switch translates it too.
  const [flash, setFlash] = useState<{ name: string; request: string } | null>(null);
  const query = view === 'role' ? { candidateRole: session.role, status: 'open', limit: 100 } : { assignee: session.name, status: 'open', limit: 100 };
  const tasks = useResource(() => api<Page<Task>>('/api/tasks', { query }), [view, session.role, session.name]);
  const live = useLiveEvents({ roles: [session.role], types: LIVE_TYPES }, (event) => {
    tasks.reload();
    const detail = event.data.detail as { taskId?: string } | undefined;
    if (id && detail?.taskId === id) setVersion((v) => v + 1);
  });
  const role = t(`role.${session.role}`);

  return (
    <section class="page wide tasklist">
      <div class="page-head">
        <div>
          <h1>{t('tasks.title')}</h1>
          <p class="muted">{t('tasks.subtitle', { role })}</p>
        </div>
        <LiveDot status={live} />
      </div>
      {flash && (
        <p class="notice ok" role="status" data-testid="flash">
          {t('tasks.completed', flash)}
        </p>
      )}
      <div class="tasklist-body">
        <div class="tasklist-list">
          <div class="tabs" role="tablist">
            {(['role', 'mine'] as View[]).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} class={view === v ? 'active' : ''} onClick={() => setView(v)}>
                {v === 'role' ? t('tasks.tab.role', { role }) : t('tasks.tab.mine')}
              </button>
            ))}
          </div>
          {tasks.error && <ErrorMessage error={tasks.error} onRetry={tasks.reload} />}
          {!tasks.data && !tasks.error && <Loading />}
          {tasks.data?.items.length === 0 && <Empty>{view === 'role' ? t('tasks.empty.role', { role }) : t('tasks.empty.mine', { name: session.name, role })}</Empty>}
          {tasks.data && tasks.data.items.length > 0 && <TaskTable tasks={tasks.data.items} selected={id} onSelect={(taskId) => route(`/tasks/${taskId}`)} />}
          {tasks.data && tasks.data.total > tasks.data.items.length && <p class="muted">{t('tasks.total', { count: tasks.data.total })}</p>}
        </div>
        <div class="tasklist-detail">
          {id ? (
            <TaskPanel
              id={id}
              version={version}
              onChanged={tasks.reload}
              onCompleted={(task) => {
                setFlash({ name: task.name, request: task.businessKey ?? task.processInstanceId.slice(0, 8) });
                tasks.reload();
                route('/tasks');
              }}
            />
          ) : (
            <p class="muted panel">{t('tasks.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function TaskTable({ tasks, selected, onSelect }: { tasks: Task[]; selected?: string; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  return (
    <table class="table task-table" data-testid="task-table">
      <thead>
        <tr>
          <th>{t('tasks.col.task')}</th>
          <th>{t('tasks.col.request')}</th>
          <th>{t('tasks.col.age')}</th>
          <th>{t('tasks.col.assignee')}</th>
          <th>{t('tasks.col.sla')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} class={task.id === selected ? 'selected' : ''} data-testid="task-row" data-task-id={task.id} onClick={() => onSelect(task.id)}>
            <td>
              <a
                href={`/tasks/${task.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(task.id);
                }}
              >
                {task.name}
              </a>
            </td>
            <td>{task.businessKey ?? <span class="muted">{task.processInstanceId.slice(0, 8)}</span>}</td>
            <td>{formatDuration(now - Date.parse(task.createdAt))}</td>
            <td>{task.assignee ?? <span class="muted">{t('tasks.unassigned')}</span>}</td>
            <td>
              <SlaCell clocks={task.sla} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

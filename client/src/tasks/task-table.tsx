// The rows of the tasklist: task (with its follow-up date), request, age, assignee, SLA.
import type { Task } from '../app/types';
import { useNow } from '../app/use-now';
import { formatDateTime, formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { SlaCell } from './sla-countdown';
import { localName } from '../forms/local-text';

export function TaskTable({ tasks, selected, onSelect }: { tasks: Task[]; selected?: string; onSelect: (id: string) => void }) {
  const { t, locale } = useI18n();
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
                {localName(task.name, task.names, locale)}
              </a>
              {typeof task.followUp === 'string' && <div class="muted small">{t('tasklist.followUpOn', { date: formatDateTime(task.followUp) })}</div>}
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

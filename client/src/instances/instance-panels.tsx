// The panels beside the diagram: variables, tasks, waits, SLA clocks and incidents of one instance.
import type { InstanceDetail, Task } from '../app/types';
import { Empty } from '../app/status';
import { formatCountdown, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { IncidentRetry } from '../forms/incident-retry';
import type { Incident, SlaClock, TimerInfo } from './instance-types';
import { timerDueText } from './timer-due';
import { localName } from '../forms/local-text';

function Value({ value }: { value: unknown }) {
  if (value !== null && typeof value === 'object') return <pre class="json">{JSON.stringify(value, null, 2)}</pre>;
  return <span>{value === null ? 'null' : String(value)}</span>;
}

export function VariablesTable({ variables }: { variables: Record<string, unknown> }) {
  const { t } = useI18n();
  const names = Object.keys(variables).sort();
  return (
    <section class="panel">
      <h2>{t('instance.variables.title')}</h2>
      {names.length === 0 ? (
        <Empty>{t('instance.variables.empty')}</Empty>
      ) : (
        <table class="table compact" data-testid="variables">
          <thead>
            <tr><th>{t('instance.variables.name')}</th><th>{t('instance.variables.value')}</th></tr>
          </thead>
          <tbody>
            {names.map((n) => (
              <tr key={n} data-variable={n}>
                <td><code>{n}</code></td>
                <td><Value value={variables[n]} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const TASK_TONE: Record<string, string> = { open: 'warn', completed: 'ok', cancelled: '' };

export function TasksTable({ tasks, onSelect }: { tasks: Task[]; onSelect: (activityId: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <section class="panel">
      <h2>{t('instance.tasks.title')}</h2>
      {tasks.length === 0 ? (
        <Empty>{t('instance.tasks.empty')}</Empty>
      ) : (
        <table class="table compact" data-testid="tasks">
          <thead>
            <tr><th>{t('instance.tasks.name')}</th><th>{t('instance.tasks.status')}</th><th>{t('instance.tasks.assignee')}</th><th>{t('instance.tasks.created')}</th></tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-task-status={task.status}>
                <td>
                  <a href={`/tasks/${task.id}`}>{localName(task.name, task.names, locale)}</a>{' '}
                  <button type="button" class="link" title={t('instance.showInDiagram')} onClick={() => onSelect(task.activityId)}>{t('instance.locate')}</button>
                </td>
                <td><span class={`badge ${TASK_TONE[task.status] ?? ''}`}>{t(`instance.task.${task.status}`)}</span></td>
                <td>{task.assignee ?? <span class="muted">{task.candidateRoles.map((r) => t(`role.${r}`)).join(', ')}</span>}</td>
                <td>{formatDateTime(task.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SlaPanel({ clocks, now }: { clocks: SlaClock[]; now: number }) {
  const { t, locale } = useI18n();
  if (!clocks.length) return null;
  return (
    <section class="panel">
      <h2>{t('instance.sla.title')}</h2>
      <ul class="plain" data-testid="sla">
        {clocks.map((c, i) => {
          const tone = c.breached ? 'danger' : c.status === 'met' ? 'ok' : (c.percentUsed ?? 0) >= 75 ? 'warn' : '';
          return (
            <li key={i}>
              <strong>{localName(c.policyName ?? c.policy, c.policyNames, locale)}</strong> <span class="muted">{c.activityId ?? t('instance.sla.wholeProcess')}</span>{' '}
              <span class={`badge ${tone}`}>{t(`instance.sla.status.${c.status}`)}</span>{' '}
              {c.dueAt && c.status === 'running' && <span>{t('instance.sla.due', { due: formatDateTime(c.dueAt), countdown: formatCountdown(c.dueAt, now) })}</span>}
              {c.percentUsed !== null && c.percentUsed !== undefined && <span class="muted"> · {t('instance.sla.used', { percent: c.percentUsed })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function IncidentsPanel({ incidents, variables = {}, onChanged = () => {} }: { incidents: Incident[]; variables?: Record<string, unknown>; onChanged?: () => void }) {
  const { t } = useI18n();
  if (!incidents.length) return null;
  return (
    <section class="panel">
      <h2>{t('instance.incidents.title')}</h2>
      <ul class="plain" data-testid="incidents">
        {incidents.map((i) => (
          <li key={i.id}>
            <span class={`badge ${i.status === 'resolved' ? 'ok' : 'danger'}`}>{t(`instance.incident.${i.status}`)}</span> <code>{i.activityId}</code> {i.error}{' '}
            <span class="muted">{t('instance.incidents.attempts', { attempts: i.attempts })} · {formatDateTime(i.createdAt)}</span>
            {(i.correctable ?? !!i.taskId) && i.status !== 'resolved' && <IncidentRetry incidentId={i.id} variables={variables} onDone={onChanged} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the instance waits for besides people: armed timers (due time, countdown) and awaited messages. */
export function WaitsPanel({ timers, messages, now, onSelect }: { timers: TimerInfo[]; messages: InstanceDetail['awaitedMessages']; now: number; onSelect: (activityId: string) => void }) {
  const { t } = useI18n();
  if (!timers.length && !messages.length) return null;
  return (
    <section class="panel">
      <h2>{t('instance.waits.title')}</h2>
      <ul class="plain" data-testid="waits">
        {timers.map((w) => (
          <li key={`t-${w.activityId}-${w.dueAt}`} data-timer={w.activityId}>
            <span class="badge warn">{t('instance.waits.timer')}</span> <code>{w.activityId}</code> <span data-testid="timer-due">{timerDueText(w, now)}</span>{' '}
            <span class="muted">{w.expression}</span> <button type="button" class="link" onClick={() => onSelect(w.activityId)}>{t('instance.locate')}</button>
          </li>
        ))}
        {messages.map((m) => (
          <li key={`m-${m.activityId}-${m.messageName}`} data-message={m.messageName}>
            <span class="badge">{t('instance.waits.message')}</span> <code>{m.messageName}</code> <span class="muted">{m.activityId}</span>{' '}
            <button type="button" class="link" onClick={() => onSelect(m.activityId)}>{t('instance.locate')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

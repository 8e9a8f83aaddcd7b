// Requests whose SLA clock runs and is due within a chosen window (overdue ones first), each with a ticking countdown.
import { api } from '../app/api';
import { Empty, ErrorMessage, Loading } from '../app/status';
import type { Page, SlaClockItem } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { SlaBadge } from '../tasks/sla-countdown';
import { timerDueText } from '../instances/timer-due';
import { localName } from '../forms/local-text';

const WINDOWS = ['PT30M', 'PT1H', 'PT4H', 'P1D', 'P7D'] as const;

export function NearBreach({ dueWindow, version, onWindow }: { dueWindow: string; version: number; onWindow: (w: string) => void }) {
  const { t, locale } = useI18n();
  // `version` goes up with each SLA event, so the list follows clocks starting, stopping and breaching.
  const clocks = useResource(() => api<Page<SlaClockItem>>('/api/sla/clocks', { query: { status: 'running', dueWithin: dueWindow, limit: 50 } }), [dueWindow, version]);
  return (
    <section class="panel near-breach" aria-labelledby="near-breach-title">
      <div class="section-head">
        <h2 id="near-breach-title">{t('board.nearBreach')}</h2>
        <label class="inline">
          {t('board.nearBreach.window')}{' '}
          <select value={dueWindow} onChange={(e) => onWindow((e.currentTarget as HTMLSelectElement).value)}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t(`board.window.${w}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {clocks.error && <ErrorMessage error={clocks.error} onRetry={clocks.reload} />}
      {!clocks.data && !clocks.error && <Loading />}
      {clocks.data?.items.length === 0 && <Empty>{t('board.nearBreach.empty')}</Empty>}
      {clocks.data && clocks.data.items.length > 0 && (
        <table class="table" data-testid="near-breach">
          <thead>
            <tr>
              <th>{t('board.col.request')}</th>
              <th>{t('board.col.step')}</th>
              <th>{t('board.col.policy')}</th>
              <th>{t('board.col.due')}</th>
              <th>{t('board.col.left')}</th>
              <th>{t('board.col.used')}</th>
              <th>{t('board.col.nextTimer')}</th>
            </tr>
          </thead>
          <tbody>
            {clocks.data.items.map((c) => (
              <tr key={c.id} data-testid="clock-row" class={c.breached ? 'breached' : ''}>
                <td>
                  <a href={`/instances/${c.processInstanceId}`}>{c.businessKey ?? c.processInstanceId.slice(0, 8)}</a>
                </td>
                <td>{c.taskName ? localName(c.taskName, c.taskNames, locale) : <span class="muted">{t('board.wholeRequest')}</span>}</td>
                <td>{localName(String(c.policyName ?? c.policy), c.policyNames, locale)}</td>
                <td>{formatDateTime(c.dueAt)}</td>
                <td>
                  <SlaBadge clock={c} />
                </td>
                <td>
                  <meter min={0} max={100} low={50} high={75} optimum={0} value={Math.min(100, c.percentUsed ?? 0)} /> {c.percentUsed ?? 0} %
                </td>
                <td data-testid="next-timer">{c.nextTimer ? <>{c.nextTimer.name ? <span title={c.nextTimer.activityId}>{localName(c.nextTimer.name, c.nextTimer.names, locale)}</span> : <code>{c.nextTimer.activityId}</code>} {timerDueText({ ...c.nextTimer, timerType: '', expression: '' }, Date.now())}</> : <span class="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

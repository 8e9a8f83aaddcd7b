// The SLA badge ticking each second: time left (or overdue) until a clock's due time, paused / met / missed otherwise.
import { useMemo } from 'preact/hooks';
import { useNow } from '../app/use-now';
import type { SlaState } from '../app/types';
import { formatCountdown, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { localName } from '../forms/local-text';

/** The clock that matters most: a running one due soonest, else a paused one, else the latest stopped one. */
export function mainClock(clocks: SlaState[] | null | undefined): SlaState | undefined {
  if (!clocks?.length) return undefined;
  const due = (c: SlaState) => (c.dueAt ? Date.parse(c.dueAt) : Infinity);
  const running = clocks.filter((c) => c.status === 'running').sort((a, b) => due(a) - due(b));
  return running[0] ?? clocks.find((c) => c.status === 'paused') ?? clocks[clocks.length - 1];
}

/** Milliseconds until the clock is due, on the server's time line (asOf) advanced by the time passed in the browser. */
function useRemaining(clock: SlaState, now: number): number | null {
  const skew = useMemo(() => (clock.asOf ? Date.now() - Date.parse(clock.asOf) : 0), [clock.asOf]);
  if (!clock.dueAt) return null;
  return Date.parse(clock.dueAt) - (now - skew);
}

export function SlaBadge({ clock, showScope = false }: { clock: SlaState; showScope?: boolean }) {
  const { t, locale } = useI18n();
  const now = useNow();
  const remaining = useRemaining(clock, now);
  const scope = showScope && clock.scope ? `${t(`sla.scope.${clock.scope}`)} · ` : '';
  const title = t('sla.title', { policy: localName(String(clock.policyName ?? clock.policy ?? ''), clock.policyNames, locale), percent: clock.percentUsed ?? 0, due: formatDateTime(clock.dueAt) });
  if (clock.status !== 'running' || remaining === null) {
    const tone = clock.status === 'missed' ? 'danger' : clock.status === 'met' ? 'ok' : '';
    return <span class={`badge sla ${tone}`} data-testid="sla-badge" title={title}>{scope}{t(`sla.${clock.status ?? 'none'}`)}</span>;
  }
  const tone = remaining < 0 || clock.breached ? 'danger' : (clock.percentUsed ?? 0) >= 75 ? 'warn' : 'ok';
  return (
    <span class={`badge sla ${tone}`} data-testid="sla-badge" title={title} role="timer">
      {scope}
      {formatCountdown(remaining + now, now)}
    </span>
  );
}

/** The most pressing clock of a task or request, or "no SLA". */
export function SlaCell({ clocks }: { clocks: SlaState[] | null | undefined }) {
  const { t } = useI18n();
  const clock = mainClock(clocks);
  return clock ? <SlaBadge clock={clock} /> : <span class="muted">{t('sla.none')}</span>;
}

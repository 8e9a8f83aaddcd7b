// One escalation on the board: level, request, who has it, and the supervisor's actions (acknowledge, reassign, resolve).
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import type { Escalation } from '../app/types';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { PersonPicker } from '../dispatch/person-picker';

type Mode = 'idle' | 'reassign' | 'resolve';

export function EscalationCard({ escalation: e, fresh, onChanged, nextLevelAt }: { escalation: Escalation; fresh: boolean; onChanged: () => void; nextLevelAt?: string }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/escalations/${e.id}/${action}`, { method: 'POST', body });
      setMode('idle');
      setText('');
      onChanged();
    } catch (err) {
      setError(t('board.actionFailed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const submit = (ev: Event) => {
    ev.preventDefault();
    void (mode === 'reassign' ? act('reassign', { assignee: text.trim() }) : act('resolve', { note: text.trim() }));
  };

  return (
    <article class={`card escalation level-${e.level}${fresh ? ' fresh' : ''}`} data-testid="escalation" data-escalation-id={e.id} aria-label={e.businessKey ?? e.id}>
      <header>
        <span class={`badge ${e.level >= 3 ? 'danger' : 'warn'}`}>{t('board.esc.level', { level: e.level, role: t(`role.${e.role}`) })}</span>{' '}
        <a href={`/instances/${e.processInstanceId}`}>{e.businessKey ?? e.processInstanceId.slice(0, 8)}</a>
      </header>
      <p class="muted">
        {t('board.esc.raised', { time: formatDateTime(e.createdAt) })}
        {e.acknowledgedBy && <> · {t('board.esc.acknowledgedBy', { name: e.acknowledgedBy })}</>}
        {e.assignee && <> · {t('board.esc.assignee', { name: e.assignee })}</>}
      </p>
      {nextLevelAt && (
        <p class="next-level" data-testid="next-level">
          {t('boardMemory.nextLevel', { time: formatDateTime(nextLevelAt) })}
        </p>
      )}
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
      {mode === 'idle' ? (
        <div class="card-actions">
          {e.status === 'open' && (
            <button type="button" class="primary" disabled={busy} onClick={() => act('acknowledge', {})}>
              {t('board.acknowledge')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => setMode('reassign')}>
            {t('board.reassign')}
          </button>
          <button type="button" disabled={busy} onClick={() => setMode('resolve')}>
            {t('board.resolve')}
          </button>
        </div>
      ) : (
        <form class="inline-form" onSubmit={submit}>
          <label>
            {mode === 'reassign' ? t('board.reassignTo') : t('board.resolveNote')}
            {mode === 'reassign' ? (
              <PersonPicker role={e.role} value={text} onChange={setText} />
            ) : (
              <textarea rows={2} value={text} required onInput={(ev) => setText((ev.currentTarget as HTMLTextAreaElement).value)} />
            )}
          </label>
          <div class="card-actions">
            <button type="submit" class="primary" disabled={busy || !text.trim()}>
              {t('board.send')}
            </button>
            <button type="button" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

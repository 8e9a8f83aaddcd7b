// A supervisor corrects the variable a failed task completion tripped on (e.g. a follow-up delay) and retries it.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useI18n } from '../i18n/i18n';

/** The text typed, kept as the type the variable had (a number stays a number). */
function typed(text: string, before: unknown): unknown {
  if (typeof before === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof before === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

export function IncidentRetry({ incidentId, variables, onDone }: { incidentId: string; variables: Record<string, unknown>; onDone: () => void }) {
  const { t } = useI18n();
  const names = Object.keys(variables).sort();
  const [name, setName] = useState(names[0] ?? '');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function retry(e: Event) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body = name && value !== '' ? { variables: { [name]: typed(value, variables[name]) } } : {};
      const result = await api<{ status: string; error: string }>(`/api/incidents/${incidentId}/retry`, { method: 'POST', body });
      setMessage(t('forms.incident.retried', { status: t(`instance.incident.${result.status}`) }));
      onDone();
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="incident-retry" onSubmit={retry} data-testid="incident-retry" aria-label={t('forms.incident.correct')}>
      <label>
        {t('forms.incident.variable')}{' '}
        <select value={name} onChange={(e) => { setName(e.currentTarget.value); setValue(''); }}>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>{' '}
      <span class="muted">{name && JSON.stringify(variables[name])}</span>{' '}
      <label>
        {t('forms.incident.value')} <input value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit" class="primary" disabled={busy}>{t('forms.incident.retry')}</button>
      {message && <div class="muted" role="status">{message}</div>}
    </form>
  );
}

// Starting an instance by hand (for supervisors testing a process): definition, business key, the start form's
// fields and optional extra variables as JSON; the server's 400/409 messages are shown next to the fields.
import { useState } from 'preact/hooks';
import { api, ApiError, type FieldProblem } from '../app/api';
import type { DefinitionSummary, FormField, InstanceSummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { startFormOf, variablesOf } from './start-form';
import { DurationInput } from '../forms/duration-input';
import { fieldLabel, localName, optionName } from '../forms/local-text';

interface Props {
  definitions: DefinitionSummary[];
  initialKey: string;
  onStarted: (instance: InstanceSummary) => void;
}

function FieldInput({ field, value, invalid, onChange }: { field: FormField; value: string; invalid: boolean; onChange: (v: string) => void }) {
  const { t, locale } = useI18n();
  const common = { id: `start-${field.id}`, name: field.id, 'aria-invalid': invalid ? 'true' : undefined } as const;
  if (field.type === 'enum' || field.type === 'boolean') {
    const options = field.type === 'boolean' ? [{ id: 'true', name: t('instances.start.yes') }, { id: 'false', name: t('instances.start.no') }] : (field.options ?? []);
    return (
      <select {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">—</option>
        {options.map((o) => <option key={o.id} value={o.id}>{optionName(o, locale)}</option>)}
      </select>
    );
  }
  if (field.type === 'duration') return <DurationInput id={common.id} name={field.id} value={value} invalid={invalid} onChange={onChange} />;
  const type = field.type === 'long' ? 'number' : field.type === 'date' ? 'datetime-local' : 'text';
  return <input {...common} type={type} inputMode={field.type === 'decimal' ? 'decimal' : undefined} value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
}

export function StartInstance({ definitions, initialKey, onStarted }: Props) {
  const { t, locale } = useI18n();
  const [key, setKey] = useState(initialKey || definitions[0]?.key || '');
  const [businessKey, setBusinessKey] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const form = useResource(async () => (key ? startFormOf(await api<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, { text: true })) : []), [key]);
  const fields = form.data ?? [];
  const problemOf = (id: string) => problems.filter((p) => p.field === id).map((p) => p.message).join('; ');

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setProblems([]);
    let more: Record<string, unknown> = {};
    if (extra.trim()) {
      try {
        more = JSON.parse(extra);
        if (!more || typeof more !== 'object' || Array.isArray(more)) throw new Error('not an object');
      } catch {
        setError(t('instances.start.badJson'));
        return;
      }
    }
    setBusy(true);
    try {
      const defaults = Object.fromEntries(fields.map((f) => [f.id, f.defaultValue ?? '']));
      const variables = { ...more, ...variablesOf(fields, { ...defaults, ...values }) };
      onStarted(await api<InstanceSummary>('/api/process-instances', { method: 'POST', body: { definitionKey: key, businessKey: businessKey.trim() || undefined, variables } }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 0 ? t('common.offline') : (err as Error).message);
      if (err instanceof ApiError) setProblems(err.problems);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="panel start-form" onSubmit={submit} data-testid="start-form">
      <h2>{t('instances.start.title')}</h2>
      <div class="grid">
        <div>
          <label for="start-definition">{t('instances.filter.definition')}</label>
          <select id="start-definition" value={key} onChange={(e) => { setKey(e.currentTarget.value); setValues({}); setProblems([]); }}>
            {definitions.map((d) => <option key={d.key} value={d.key}>{localName(d.name, d.names, locale) || d.key} (v{d.version})</option>)}
          </select>
        </div>
        <div>
          <label for="start-business-key">{t('instances.businessKey')}</label>
          <input id="start-business-key" value={businessKey} maxLength={200} onInput={(e) => setBusinessKey(e.currentTarget.value)} />
        </div>
        {fields.map((f) => (
          <div key={`${key}-${f.id}`}>
            <label for={`start-${f.id}`}>{fieldLabel(f, locale)}{f.required && ' *'}</label>
            <FieldInput field={f} value={values[f.id] ?? f.defaultValue ?? ''} invalid={!!problemOf(f.id)} onChange={(v) => setValues({ ...values, [f.id]: v })} />
            {problemOf(f.id) && <div class="field-error">{problemOf(f.id)}</div>}
          </div>
        ))}
      </div>
      <label for="start-extra">{t('instances.start.extra')}</label>
      <textarea id="start-extra" rows={3} value={extra} placeholder='{"priority": "P2"}' onInput={(e) => setExtra(e.currentTarget.value)} />
      {form.error && <div class="error">{form.error.message}</div>}
      {error && <div class="error" role="alert" data-testid="start-error">{error}</div>}
      <button type="submit" class="primary" disabled={busy || !key}>{t('instances.start.submit')}</button>
    </form>
  );
}

// A task's form rendered from its form definition; the server validates it and its per-field messages show beside the fields.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../app/api';
import type { FormField, Task } from '../app/types';
import { useI18n } from '../i18n/i18n';
import { PersonPicker } from '../dispatch/person-picker';
import { DurationInput } from '../forms/duration-input';
import { fieldLabel, optionName } from '../forms/local-text';

type Values = Record<string, string>;

/** Starting values: what the request already holds under the field's name (field id = variable), else the default. */
function initialValues(form: FormField[], variables: Record<string, unknown>): Values {
  const values: Values = {};
  for (const f of form) {
    const current = variables[f.id];
    const raw = current !== undefined && current !== null ? current : f.defaultValue;
    values[f.id] = raw === undefined || raw === null ? '' : f.type === 'date' ? toLocalInput(String(raw)) : String(raw);
  }
  return values;
}

/** An ISO instant as the value of <input type="datetime-local"> (local time, minutes). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** What is sent: empty fields are left out (the server decides whether they were required); the rest as typed. */
function toVariables(form: FormField[], values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of form) {
    const v = values[f.id] ?? '';
    if (v === '' || f.readonly) continue; // a read-only field shows an earlier variable; the server ignores it
    if (f.type === 'boolean') out[f.id] = v === 'true';
    else if (f.type === 'date') out[f.id] = Number.isNaN(new Date(v).getTime()) ? v : new Date(v).toISOString();
    else out[f.id] = v; // long fields too: the server parses whole numbers and explains anything else
  }
  return out;
}

export interface Completed {
  processInstance: { id: string; status: string; activeActivityIds: string[] };
}

export function TaskForm({ task, variables, onCompleted }: { task: Task; variables: Record<string, unknown>; onCompleted: (result: Completed) => void }) {
  const { t } = useI18n();
  const form = task.form ?? [];
  const [values, setValues] = useState<Values>(() => initialValues(form, variables));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      const result = await api<Completed>(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { variables: toVariables(form, values) } });
      setFieldErrors({});
      onCompleted(result);
    } catch (err) {
      const problems = err instanceof ApiError ? err.problems.filter((p) => p.field) : [];
      const byField = Object.fromEntries(problems.filter((p) => form.some((f) => f.id === p.field)).map((p) => [p.field!, p.message]));
      setFieldErrors(byField);
      const others = problems.filter((p) => !byField[p.field!]).map((p) => p.message);
      setError(err instanceof ApiError && err.status === 400 && problems.length ? [t('tasks.rejected', { count: problems.length }), ...others].join(' ') : (err as Error).message);
      // Move the keyboard to the first field the server refused.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setSending(false);
    }
  };

  return (
    <form ref={formRef} class="task-form" noValidate onSubmit={submit} aria-label={t('tasks.form')}>
      {form.length === 0 && <p class="muted">{t('tasks.noFields')}</p>}
      {form.map((f) => (
        <Field key={f.id} field={f} value={values[f.id] ?? ''} error={fieldErrors[f.id]} onChange={(v) => setValues((s) => ({ ...s, [f.id]: v }))} />
      ))}
      {error && (
        <div class="error" role="alert" data-testid="form-error">
          {error}
        </div>
      )}
      <button type="submit" class="primary" disabled={sending}>
        {sending ? t('tasks.completing') : t('tasks.complete')}
      </button>
    </form>
  );
}

function Field({ field, value, error, onChange }: { field: FormField; value: string; error?: string; onChange: (v: string) => void }) {
  const { t, locale } = useI18n();
  const id = `field-${field.id}`;
  const hints = (['min', 'max', 'minlength', 'maxlength'] as const).filter((k) => field[k] !== undefined).map((k) => t(`tasks.hint.${k}`, { value: field[k]! }));
  const common = { id, name: field.id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  const set = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);
  let control;
  if (field.type === 'enum' || field.type === 'boolean') {
    const options = field.type === 'boolean' ? [{ id: 'true', name: t('tasks.yes') }, { id: 'false', name: t('tasks.no') }] : (field.options ?? []);
    control = (
      <select {...common} value={value} onChange={set}>
        <option value="">{t('tasks.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {optionName(o, locale)}
          </option>
        ))}
      </select>
    );
  } else if (field.person) {
    control = <PersonPicker {...common} role={field.person} value={value} onChange={onChange} />;
  } else if (field.type === 'long') {
    control = <input {...common} type="number" step={1} min={field.min} max={field.max} value={value} onInput={set} />;
  } else if (field.readonly) {
    control = <input {...common} type="text" value={value} readOnly class="readonly" />;
  } else if (field.type === 'decimal') {
    // Text with a decimal keypad: a comma or a third decimal reaches the server, whose message says why.
    control = <input {...common} type="text" inputMode="decimal" value={value} onInput={set} />;
  } else if (field.type === 'duration') {
    control = <DurationInput id={id} name={field.id} value={value} invalid={!!error} describedBy={common['aria-describedby']} onChange={onChange} />;
  } else if (field.type === 'date') {
    control = <input {...common} type="datetime-local" value={value} onInput={set} />;
  } else {
    control = <input {...common} type="text" value={value} onInput={set} />;
  }
  return (
    <div class={`form-field${error ? ' invalid' : ''}`}>
      <label for={id}>
        {fieldLabel(field, locale)}
        {field.readonly && <span class="muted"> ({t('forms.readonly')})</span>}
        {field.required && !field.readonly && <span class="required"> *<span class="sr-only"> {t('tasks.required')}</span></span>}
      </label>
      {control}
      {hints.length > 0 && <div class="muted hint">{hints.join(' · ')}</div>}
      {error && (
        <div class="field-error" id={`${id}-error`} data-testid={`error-${field.id}`}>
          {error}
        </div>
      )}
    </div>
  );
}

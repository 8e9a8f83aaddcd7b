// A duration picked from a control (amount + unit) and sent as ISO 8601 (PT2M, P1D), so no free text reaches a timer.
import { useI18n } from '../i18n/i18n';

const UNITS = [
  { id: 'M', prefix: 'PT' },
  { id: 'H', prefix: 'PT' },
  { id: 'D', prefix: 'P' },
] as const;

/** "PT90M" → { amount: '90', unit: 'M' }; anything else (or empty) → the amount empty, hours. */
export function splitDuration(iso: string): { amount: string; unit: string } {
  const m = /^P(?:T(\d+(?:\.\d+)?)([MH])|(\d+)D)$/.exec(iso.trim());
  if (!m) return { amount: '', unit: 'H' };
  return m[3] ? { amount: m[3], unit: 'D' } : { amount: m[1], unit: m[2] };
}

export function joinDuration(amount: string, unit: string): string {
  const n = amount.trim();
  if (n === '') return '';
  const u = UNITS.find((x) => x.id === unit) ?? UNITS[1];
  return `${u.prefix}${n}${u.id}`;
}

export function DurationInput(props: { id: string; name: string; value: string; invalid?: boolean; describedBy?: string; onChange: (iso: string) => void }) {
  const { t } = useI18n();
  const { amount, unit } = splitDuration(props.value);
  return (
    <span class="duration-input" data-testid={`duration-${props.name}`}>
      <input id={props.id} name={props.name} type="number" min={0} step={1} value={amount} aria-invalid={props.invalid ? 'true' : undefined} aria-describedby={props.describedBy}
        onInput={(e) => props.onChange(joinDuration(e.currentTarget.value, unit))} />
      <select aria-label={t('forms.duration.unit')} value={unit} onChange={(e) => props.onChange(joinDuration(amount, e.currentTarget.value))}>
        {UNITS.map((u) => <option key={u.id} value={u.id}>{t(`forms.duration.${u.id}`)}</option>)}
      </select>
    </span>
  );
}

// One question answered by a row of score buttons (radio inputs): 1–5 for satisfaction, 0–10 for NPS.

interface Props {
  name: string;
  legend: string;
  min: number;
  max: number;
  value: number | undefined;
  onChange: (value: number) => void;
  error?: string;
  /** Labels under the ends of the row (NPS), or a label per score (Likert). */
  ends?: [string, string];
  labelOf?: (score: number) => string;
}

export function ScoreScale({ name, legend, min, max, value, onChange, error, ends, labelOf }: Props) {
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset class={`score-scale${error ? ' invalid' : ''}`} data-testid={`q-${name}`} aria-invalid={error ? 'true' : undefined}>
      <legend>{legend}</legend>
      <div class={`scores${max - min > 4 ? ' wide' : ''}`} role="radiogroup" aria-label={legend}>
        {scores.map((s) => (
          <label key={s} class={value === s ? 'chosen' : ''} title={labelOf?.(s)}>
            <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} aria-label={labelOf ? `${s} – ${labelOf(s)}` : String(s)} />
            <span>{s}</span>
          </label>
        ))}
      </div>
      {ends && (
        <div class="scale-ends muted">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
      {value !== undefined && labelOf && <div class="muted chosen-label">{labelOf(value)}</div>}
      {error && <div class="field-error" role="alert">{error}</div>}
    </fieldset>
  );
}

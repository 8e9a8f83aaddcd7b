// The survey's questions and their validation in the browser (the server validates again and has the last word).
import { useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import { ErrorMessage } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { ScoreScale } from './score-scale';
import type { PublicSurvey, SurveyAnswer } from './survey-api';


interface Props {
  survey: PublicSurvey;
  onSubmit: (answer: SurveyAnswer) => Promise<void>;
}

export function SurveyForm({ survey, onSubmit }: Props) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [overall, setOverall] = useState<number>();
  const [nps, setNps] = useState<number>();
  const [suggestions, setSuggestions] = useState('');
  const [wantsComplaint, setWantsComplaint] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const likert = (s: number) => t(`survey.scale.${s}`);
  const missing = overall === undefined || nps === undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ scores, overall: overall!, nps: nps!, suggestions: suggestions.trim() || undefined, wantsComplaint: wantsComplaint || undefined });
    } catch (err) {
      setError(err instanceof ApiError ? err : new Error(String(err)));
      setBusy(false);
    }
  };

  return (
    <form class="survey-form" onSubmit={submit} noValidate>
      {tried && missing && <div class="error" role="alert">{t('survey.fixErrors')}</div>}
      <h2>{t('survey.dimensionsHeading')}</h2>
      <p class="muted">{t('survey.dimensionsHint')}</p>
      {survey.dimensions.map((d) => (
        <ScoreScale key={d} name={d} legend={t(`survey.dim.${d}`)} min={1} max={5} value={scores[d]} labelOf={likert} onChange={(v) => setScores({ ...scores, [d]: v })} />
      ))}
      <ScoreScale name="overall" legend={t('survey.overall')} min={1} max={5} value={overall} labelOf={likert} onChange={setOverall} error={tried && overall === undefined ? t('survey.required') : undefined} />
      <ScoreScale name="nps" legend={t('survey.nps')} min={0} max={10} value={nps} onChange={setNps} ends={[t('survey.nps.low'), t('survey.nps.high')]} error={tried && nps === undefined ? t('survey.required') : undefined} />
      <label class="survey-suggestions">
        <span>{t('survey.suggestions')}</span>
        <textarea name="suggestions" rows={4} maxLength={survey.suggestionsMax} value={suggestions} onInput={(e) => setSuggestions((e.currentTarget as HTMLTextAreaElement).value)} />
        <span class="muted counter">{t('survey.suggestions.count', { count: suggestions.length, max: survey.suggestionsMax })}</span>
      </label>
      <label class="survey-complaint">
        <input type="checkbox" name="wantsComplaint" checked={wantsComplaint} onChange={(e) => setWantsComplaint((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('survey.wantsComplaint')}</span>
      </label>
      {error && <ErrorMessage error={error} />}
      <button type="submit" class="primary survey-submit" disabled={busy}>
        {busy ? t('survey.submitting') : t('survey.submit')}
      </button>
    </form>
  );
}

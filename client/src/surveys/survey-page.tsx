// The customer's survey page (/survey/:token): no login, phone-sized, zh-CN/en. CSAT 1–5 per dimension, overall,
// NPS 0–10, suggestions, "I want to complain"; a used, expired or unknown link shows a friendly page instead.
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitch } from '../app/language-switch';
import { ErrorMessage, Loading } from '../app/status';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { closedStateOf, loadSurvey, sendAnswer, type ClosedState, type PublicSurvey, type Recovery } from './survey-api';
import { SurveyForm } from './survey-form';
import './survey.css';

type View = { kind: 'loading' } | { kind: 'open'; survey: PublicSurvey } | { kind: 'closed'; state: ClosedState } | { kind: 'thanks'; recovery: Recovery } | { kind: 'error'; error: Error };

export function SurveyPage() {
  const { params } = useRoute();
  const token = params.token ?? '';
  const { t } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });

  const load = () => {
    setView({ kind: 'loading' });
    loadSurvey(token)
      .then((survey) => setView({ kind: 'open', survey }))
      .catch((error: Error) => {
        const state = closedStateOf(error);
        setView(state ? { kind: 'closed', state } : { kind: 'error', error });
      });
  };
  useEffect(load, [token]);

  const submit = async (answer: Parameters<typeof sendAnswer>[1]) => {
    try {
      const result = await sendAnswer(token, answer);
      setView({ kind: 'thanks', recovery: result.recovery });
    } catch (error) {
      const state = closedStateOf(error);
      if (state) setView({ kind: 'closed', state });
      else throw error;
    }
  };

  return (
    <div class="survey-page">
      <header class="survey-head">
        <span class="survey-brand">{t('app.name')}</span>
        <LanguageSwitch class="survey-lang" />
      </header>
      <main class="survey-card">
        {view.kind === 'loading' && <Loading />}
        {view.kind === 'error' && <ErrorMessage error={view.error} onRetry={load} />}
        {view.kind === 'closed' && <Closed state={view.state} />}
        {view.kind === 'thanks' && <Thanks recovery={view.recovery} />}
        {view.kind === 'open' && (
          <>
            <h1>{t('survey.title')}</h1>
            <p>{view.survey.customerName ? t('survey.greeting', { name: view.survey.customerName }) : t('survey.greetingAnonymous')}</p>
            {view.survey.about && <p class="muted">{t('survey.about', { ref: view.survey.about })}</p>}
            {view.survey.expiresAt && <p class="muted">{t('survey.expires', { time: formatDateTime(view.survey.expiresAt) })}</p>}
            <SurveyForm survey={view.survey} onSubmit={submit} />
          </>
        )}
      </main>
    </div>
  );
}

function Closed({ state }: { state: ClosedState }) {
  const { t } = useI18n();
  return (
    <section class="survey-closed" data-testid={`survey-${state}`}>
      <div class="survey-icon" aria-hidden="true">{state === 'answered' ? '✓' : 'ⓘ'}</div>
      <h1>{t(`survey.state.${state}.title`)}</h1>
      <p>{t(`survey.state.${state}.body`)}</p>
    </section>
  );
}

function Thanks({ recovery }: { recovery: Recovery }) {
  const { t } = useI18n();
  return (
    <section class="survey-closed" data-testid="survey-thanks">
      <div class="survey-icon" aria-hidden="true">✓</div>
      <h1>{t('survey.thanks.title')}</h1>
      <p>{t('survey.thanks.body')}</p>
      {recovery && <p>{t(`survey.thanks.${recovery}`)}</p>}
    </section>
  );
}

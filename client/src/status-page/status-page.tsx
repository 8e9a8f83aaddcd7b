// The customer's status page (/status/:token): no login, phone-sized, in the customer's language; steps done and next,
// technician and appointment, the service team's messages, the open quote to accept or decline, opt-out; expired and wrong links get a clear page.
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitch } from '../app/language-switch';
import { ErrorMessage, Loading } from '../app/status';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { answerQuote, linkStateOf, loadStatus, optOut, type PublicStatus } from './status-api';
import { CommentList } from './comment-list';
import { QuoteAnswer } from './quote-answer';
import { StepList } from './step-list';
import '../surveys/survey.css';
import './status.css';

type View = { kind: 'loading' } | { kind: 'open'; status: PublicStatus } | { kind: 'closed'; state: 'unknown' | 'expired' } | { kind: 'error'; error: Error };

export function StatusPage() {
  const { params } = useRoute();
  const token = params.token ?? '';
  const { t, setLocale } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });

  const fail = (error: Error) => {
    const state = linkStateOf(error);
    setView(state ? { kind: 'closed', state } : { kind: 'error', error });
  };
  const load = () => {
    setView({ kind: 'loading' });
    // the first view speaks the customer's language; the switch on the page still works afterwards
    loadStatus(token).then((status) => { setLocale(status.language); setView({ kind: 'open', status }); }, fail);
  };
  useEffect(load, [token]);
  const update = (next: Promise<PublicStatus>) => next.then((status) => setView({ kind: 'open', status }), fail);

  return (
    <div class="survey-page">
      <header class="survey-head">
        <span class="survey-brand">{t('app.name')}</span>
        <LanguageSwitch class="survey-lang" />
      </header>
      <main class="survey-card status-card">
        {view.kind === 'loading' && <Loading />}
        {view.kind === 'error' && <ErrorMessage error={view.error} onRetry={load} />}
        {view.kind === 'closed' && (
          <section class="survey-closed" data-testid={`status-${view.state}`}>
            <div class="survey-icon" aria-hidden="true">ⓘ</div>
            <h1>{t(`status.${view.state}.title`)}</h1>
            <p>{t(`status.${view.state}.body`)}</p>
          </section>
        )}
        {view.kind === 'open' && <Open status={view.status} token={token} update={update} />}
      </main>
    </div>
  );
}

function Open({ status, token, update }: { status: PublicStatus; token: string; update: (p: Promise<PublicStatus>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('status.title', { ref: status.reference ?? '' })}</h1>
      <p class="status-state" data-testid="status-state">{t(status.status === 'active' ? 'status.inProgress' : 'status.finished')}</p>
      {(status.technician || status.appointmentAt) && (
        <dl class="status-visit">
          {status.technician && (<><dt>{t('status.technician')}</dt><dd data-testid="status-technician">{status.technician}</dd></>)}
          {status.appointmentAt && (<><dt>{t('status.appointment')}</dt><dd data-testid="status-appointment">{formatDateTime(status.appointmentAt)}</dd></>)}
        </dl>
      )}
      {status.quote && <QuoteAnswer quote={status.quote} onAnswer={(accepted, reason) => update(answerQuote(token, accepted, reason))} />}
      <CommentList comments={status.comments ?? []} />
      <StepList title={t('status.next')} steps={status.next} testId="status-next" />
      <StepList title={t('status.done')} steps={status.done} testId="status-done" />
      <p class="status-optout">
        {status.optedOut ? <span class="muted">{t('status.optedOut')}</span> : <button type="button" class="link" onClick={() => update(optOut(token))}>{t('status.optOut')}</button>}
      </p>
    </>
  );
}

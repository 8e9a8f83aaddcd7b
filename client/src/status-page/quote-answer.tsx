// The open quote on the status page: accept, or decline with an optional reason; an answered quote shows the answer.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { PublicStatus } from './status-api';

export function QuoteAnswer({ quote, onAnswer }: { quote: NonNullable<PublicStatus['quote']>; onAnswer: (accepted: boolean, reason?: string) => void }) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const amount = quote.amount === null ? '' : `¥${quote.amount}`;
  if (!quote.open) return <p class="status-quote" data-testid="quote-answered">{t(quote.accepted ? 'status.quote.accepted' : 'status.quote.declined', { amount })}</p>;
  return (
    <section class="status-quote" data-testid="quote-open">
      <h2>{t('status.quote.title')}</h2>
      <p>{t('status.quote.body', { amount })}</p>
      {!declining ? (
        <div class="status-actions">
          <button type="button" class="primary" onClick={() => onAnswer(true)}>{t('status.quote.accept')}</button>
          <button type="button" onClick={() => setDeclining(true)}>{t('status.quote.decline')}</button>
        </div>
      ) : (
        <div class="survey-suggestions">
          <label for="decline-reason">{t('status.quote.reason')}</label>
          <textarea id="decline-reason" maxLength={1000} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <button type="button" onClick={() => onAnswer(false, reason)}>{t('status.quote.confirmDecline')}</button>
        </div>
      )}
    </section>
  );
}

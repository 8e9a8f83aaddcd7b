// A list of a request's steps in the customer's words (known task ids have customer-facing labels; others show their
// name in the page's language).
import { localName } from '../forms/local-text';
import { useI18n } from '../i18n/i18n';
import type { Step } from './status-api';

export function StepList({ title, steps, testId }: { title: string; steps: Step[]; testId: string }) {
  const { t, locale } = useI18n();
  if (!steps.length) return null;
  const label = (s: Step) => {
    const key = `status.step.${s.activityId}`;
    const text = t(key);
    return text === key ? localName(s.name, s.names, locale) : text;
  };
  return (
    <section class="status-steps">
      <h2>{title}</h2>
      <ol data-testid={testId}>
        {steps.map((s, i) => <li key={`${s.activityId}-${i}`}>{label(s)}</li>)}
      </ol>
    </section>
  );
}

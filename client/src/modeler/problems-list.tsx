// The problems of the diagram: bpmnlint (same rules as the deploy check) and the server's last refusal; click selects.
import { useI18n } from '../i18n/i18n';
import type { LintIssue } from './use-modeler';

export interface ServerProblem {
  elementId?: string;
  message: string;
}

export function ProblemsList({ issues, server, onSelect }: { issues: LintIssue[]; server: ServerProblem[]; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const errors = issues.filter((i) => i.category === 'error').length;
  const warnings = issues.filter((i) => i.category === 'warn').length;
  return (
    <section class="modeler-problems" data-testid="problems" aria-label={t('modeler.problems')}>
      <h2>
        {t('modeler.problems')} <span class={`badge ${errors ? 'danger' : 'ok'}`}>{t('modeler.errorCount', { count: errors })}</span>{' '}
        <span class={`badge ${warnings ? 'warn' : ''}`}>{t('modeler.warningCount', { count: warnings })}</span>
      </h2>
      {server.length > 0 && (
        <ul class="problem-list server" data-testid="server-problems">
          {server.map((p, i) => (
            <li key={`s${i}`} class="error-item">
              <button type="button" class="linkish" disabled={!p.elementId} onClick={() => p.elementId && onSelect(p.elementId)}>
                <strong>{p.elementId || t('modeler.wholeDiagram')}</strong>
              </button>{' '}
              <span class="badge danger">{t('modeler.server')}</span> {p.message}
            </li>
          ))}
        </ul>
      )}
      {issues.length === 0 && server.length === 0 && <p class="muted">{t('modeler.noProblems')}</p>}
      <ul class="problem-list">
        {issues.map((issue, i) => (
          <li key={`${issue.elementId}-${issue.rule}-${i}`} class={issue.category === 'error' ? 'error-item' : 'warn-item'} data-element-id={issue.elementId} data-rule={issue.rule}>
            <button type="button" class="linkish" onClick={() => onSelect(issue.elementId)}>
              <strong>{issue.elementName || issue.elementId}</strong>
            </button>{' '}
            <span class={`badge ${issue.category === 'error' ? 'danger' : 'warn'}`}>{issue.category === 'error' ? t('modeler.error') : t('modeler.warning')}</span> {issue.message}{' '}
            <code class="muted">{issue.rule}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

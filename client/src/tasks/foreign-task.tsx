// A task the user may not open (another role's, or gone): says whose it is instead of "Something went wrong".
import { useLocation } from 'preact-iso';
import { ApiError } from '../app/api';
import { ROLES, useSession, type Role } from '../app/session';
import { ErrorMessage } from '../app/status';
import { useI18n } from '../i18n/i18n';

export function TaskLoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  if (!(error instanceof ApiError) || error.status !== 404) return <ErrorMessage error={error} onRetry={onRetry} />;
  const roles = error.problems.filter((p) => p.field === 'candidateRoles').map((p) => p.message);
  return <ForeignTask roles={roles} />;
}

function ForeignTask({ roles }: { roles: string[] }) {
  const { t } = useI18n();
  const session = useSession();
  const { route } = useLocation();
  const label = (r: string) => (ROLES.includes(r as Role) ? t(`role.${r}`) : r);
  const names = roles.map(label).join(' / ');
  const current = label(session.role);
  const mine = roles.find((r): r is Role => session.roles.includes(r as Role));
  return (
    <section class="panel foreign-task" data-testid="foreign-task">
      <h2>{names ? t('tasklist.foreign.title', { role: names }) : t('tasks.title')}</h2>
      <p>{names ? t('tasklist.foreign.body', { role: names, current }) : t('tasklist.foreign.bodyUnknown', { current })}</p>
      <div class="row">
        {mine && (
          <button type="button" class="primary" onClick={() => session.update({ role: mine })}>
            {t('tasklist.foreign.switch', { role: label(mine) })}
          </button>
        )}
        <button type="button" onClick={() => route('/tasks')}>
          {t('tasklist.foreign.back')}
        </button>
      </div>
    </section>
  );
}

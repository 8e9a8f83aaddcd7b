// The messages staff wrote for the customer (customer-visible comments), oldest first, in the page's language frame.
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { PublicComment } from './status-api';

export function CommentList({ comments }: { comments: PublicComment[] }) {
  const { t } = useI18n();
  if (!comments.length) return null;
  return (
    <section class="status-comments">
      <h2>{t('status.comments')}</h2>
      <ul data-testid="status-comments">
        {comments.map((c, i) => (
          <li key={i}>
            <p>{c.body}</p>
            <div class="muted">{t('status.commentBy', { author: c.author, at: formatDateTime(c.at) })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

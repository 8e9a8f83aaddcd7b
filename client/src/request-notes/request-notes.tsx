// A request's comments and attachments, with forms to add them: shown in the task panel and the instance viewer.
import { useState } from 'preact/hooks';
import { api, apiHeaders } from '../app/api';
import { ErrorMessage } from '../app/status';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import '../dispatch/dispatch.css';

type Visibility = 'internal' | 'customer';
interface Comment { id: string; author: string; visibility: Visibility; body: string; createdAt: string }
interface Attachment { id: string; uploadedBy: string; visibility: Visibility; fileName: string; contentType: string; sizeBytes: number; sha256: string; createdAt: string }

export function RequestNotes({ instanceId }: { instanceId: string }) {
  const { t } = useI18n();
  const notes = useResource(() => api<{ comments: Comment[]; attachments: Attachment[] }>(`/api/process-instances/${instanceId}/notes`), [instanceId]);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      notes.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section class="panel request-notes" data-testid="request-notes" aria-label={t('notes.title')}>
      <h2>{t('notes.title')}</h2>
      {notes.error && <ErrorMessage error={notes.error} onRetry={notes.reload} />}
      <ul class="plain">
        {notes.data?.comments.map((c) => (
          <li key={c.id} data-testid="comment">
            <strong>{c.author}</strong> <span class="muted">{formatDateTime(c.createdAt)} · {t(`notes.visibility.${c.visibility}`)}</span>
            <div>{c.body}</div>
          </li>
        ))}
        {notes.data?.attachments.map((a) => (
          <li key={a.id} data-testid="attachment">
            <button type="button" class="link" onClick={() => void run(() => download(instanceId, a))}>{a.fileName}</button>{' '}
            <span class="muted" title={`sha-256 ${a.sha256}`}>{Math.ceil(a.sizeBytes / 1024)} KB · {a.uploadedBy} · {t(`notes.visibility.${a.visibility}`)}</span>
          </li>
        ))}
      </ul>
      <NoteForms instanceId={instanceId} run={run} />
      {error && <div class="error" role="alert" data-testid="notes-error">{error}</div>}
    </section>
  );
}

function NoteForms({ instanceId, run }: { instanceId: string; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('internal');
  const comment = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await api(`/api/process-instances/${instanceId}/comments`, { method: 'POST', body: { body, visibility } });
      setBody('');
    });
  };
  const upload = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('visibility', visibility);
    form.append('file', file);
    void run(() => api(`/api/process-instances/${instanceId}/attachments`, { method: 'POST', body: form })).finally(() => (input.value = ''));
  };
  return (
    <form class="note-form" onSubmit={comment}>
      <textarea name="comment" rows={2} maxLength={4000} value={body} aria-label={t('notes.comment')} onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
      <select name="visibility" aria-label={t('notes.visibility')} value={visibility} onChange={(e) => setVisibility((e.currentTarget as HTMLSelectElement).value as Visibility)}>
        <option value="internal">{t('notes.visibility.internal')}</option>
        <option value="customer">{t('notes.visibility.customer')}</option>
      </select>
      <button type="submit" disabled={!body.trim()}>{t('notes.add')}</button>
      <label class="file-pick">{t('notes.attach')} <input type="file" name="file" accept="image/jpeg,image/png,image/webp,application/pdf" onChange={upload} /></label>
    </form>
  );
}

// The download needs the bearer token, so it goes through fetch and a temporary object URL.
async function download(instanceId: string, a: Attachment): Promise<void> {
  const response = await fetch(`/api/process-instances/${instanceId}/attachments/${a.id}/content`, { headers: apiHeaders() });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: a.fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

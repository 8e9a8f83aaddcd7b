// Starts a new diagram: the analyst types the process id (kebab-case, checked as typed) and a name.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { processIdProblem } from './new-diagram';

export function NewDiagramForm({ onCreate }: { onCreate: (id: string, name: string) => void }) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = processIdProblem(id);
  const submit = (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (!problem) onCreate(id, name);
  };
  return (
    <form class="panel new-diagram" onSubmit={submit} data-testid="new-diagram">
      <h2>{t('modeler.newTitle')}</h2>
      <label>
        {t('modeler.processId')}
        <input value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} onBlur={() => setTouched(true)} placeholder="repair-quote" aria-invalid={touched && !!problem} />
      </label>
      {touched && problem && <p class="field-error">{t(`modeler.processId.${problem}`)}</p>}
      <label>
        {t('modeler.processName')}
        <input value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} placeholder={t('modeler.processNamePlaceholder')} />
      </label>
      <button type="submit" class="button primary">
        {t('modeler.create')}
      </button>
    </form>
  );
}

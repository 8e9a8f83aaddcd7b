// "Design form": the bpmn.io form-js editor for the selected user task or start event; applying writes camunda:formData.
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { useI18n } from '../../i18n/i18n';
import { readFormData, writeFormData } from './form-data';
import { fromFormJs, toFormJs, unsupportedKeys } from './form-schema';
import './form-design.css';

type Element = any;

/** User tasks and none start events carry forms (message and timer starts take no person's input). */
function takesForm(element: Element): boolean {
  const bo = element?.businessObject;
  if (element?.type === 'bpmn:UserTask') return true;
  return element?.type === 'bpmn:StartEvent' && !(bo?.eventDefinitions ?? []).length;
}

export function FormDesign({ modeler, imported }: { modeler: RefObject<any>; imported: unknown }) {
  const { t } = useI18n();
  const [element, setElement] = useState<Element | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const bus = modeler.current?.get('eventBus');
    if (!bus) return;
    const onSelect = ({ newSelection }: { newSelection: Element[] }) => {
      setElement(newSelection.length === 1 && takesForm(newSelection[0]) ? newSelection[0] : null);
    };
    bus.on('selection.changed', onSelect);
    return () => bus.off('selection.changed', onSelect);
  }, [modeler.current, imported]);
  if (!element) return null;
  return (
    <>
      <button type="button" class="form-design-open" onClick={() => setOpen(true)}>{t('forms.design.open')}</button>
      {open && <FormEditorDialog modeler={modeler.current} element={element} onClose={() => setOpen(false)} />}
    </>
  );
}

function FormEditorDialog({ modeler, element, onClose }: { modeler: any; element: Element; onClose: () => void }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FormEditor | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // No debounce: with form-js's default 300 ms, a label typed just before "Apply" was not yet in the saved schema.
    const created = new FormEditor({ container: container.current!, debounce: false });
    editor.current = created;
    created.importSchema(toFormJs(readFormData(element), element.id)).catch((err: Error) => setError(err.message));
    return () => created.destroy();
  }, [element]);
  const apply = () => {
    const schema = editor.current!.saveSchema() as any;
    const unsupported = unsupportedKeys(schema);
    if (unsupported.length) return setError(t('forms.design.unsupported', { keys: unsupported.join(', ') }));
    const fields = fromFormJs(schema);
    const ids = fields.map((f) => f.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) return setError(t('forms.design.duplicate', { key: twice }));
    writeFormData(modeler, element, fields);
    onClose();
  };
  return (
    <div class="form-design-dialog" role="dialog" aria-label={t('forms.design.title', { name: element.businessObject?.name ?? element.id })} data-testid="form-design">
      <div class="form-design-head">
        <h2>{t('forms.design.title', { name: element.businessObject?.name ?? element.id })}</h2>
        <p class="muted">{t('forms.design.hint')}</p>
      </div>
      <div class="form-design-editor" ref={container} />
      {error && <div class="error" role="alert">{error}</div>}
      <div class="form-design-actions">
        <button type="button" onClick={onClose}>{t('forms.design.cancel')}</button>
        <button type="button" class="primary" onClick={apply}>{t('forms.design.apply')}</button>
      </div>
    </div>
  );
}

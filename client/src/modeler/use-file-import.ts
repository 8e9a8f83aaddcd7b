// Open file…: asks the server what its import would convert; a file that needs converting waits for the analyst's
// choice in the import dialog, any other file (or when the server cannot say) opens at once.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import type { Conversion, PendingImport } from './import-dialog';
import { readBpmnFile } from './read-file';

export function useFileImport(open: (xml: string, label: string) => void) {
  const [pending, setPending] = useState<PendingImport | null>(null);
  const openFile = async (file: File) => {
    const xml = await readBpmnFile(file);
    const answer = await api<{ xml: string; conversions: Conversion[] }>('/api/definitions/import/preview', { method: 'POST', body: { xml } }).catch(() => null);
    if (answer?.conversions.length) setPending({ label: file.name, original: xml, converted: answer.xml, conversions: answer.conversions });
    else open(xml, file.name);
  };
  const choose = (xml: string) => {
    if (pending) open(xml, pending.label);
    setPending(null);
  };
  return { pending, openFile, choose, cancel: () => setPending(null) };
}

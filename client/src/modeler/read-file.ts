// Reads a .bpmn file from disk in the encoding its XML declaration names (MIWG files are ISO-8859-1), as Unicode text.
export async function readBpmnFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  const declared = /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
  let text: string;
  try {
    text = new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an encoding the browser does not know: bpmn-js warns about it
  }
  // The text is Unicode now, so the declaration must say so (bpmn-js warns about any other encoding).
  return declared ? text.replace(/(<\?xml[^>]*encoding=["'])[\w.:-]+(["'])/i, '$1UTF-8$2') : text;
}

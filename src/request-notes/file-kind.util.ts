// What an uploaded file really is, by its first bytes (not its name or the browser's claim): the kinds we accept.
export interface FileKind {
  contentType: string;
  extension: string;
}

/** The largest attachment accepted (bytes): a phone photo or a scanned sign-off fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const KINDS: { kind: FileKind; matches: (b: Buffer) => boolean }[] = [
  { kind: { contentType: 'image/jpeg', extension: 'jpg' }, matches: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { kind: { contentType: 'image/png', extension: 'png' }, matches: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: { contentType: 'image/webp', extension: 'webp' }, matches: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  { kind: { contentType: 'application/pdf', extension: 'pdf' }, matches: (b) => b.toString('latin1', 0, 5) === '%PDF-' },
];

export const ACCEPTED_TYPES = KINDS.map((k) => k.kind.contentType);

/** The kind the bytes show, or null when they are none we accept (whatever the file is called). */
export function fileKindOf(content: Buffer): FileKind | null {
  return KINDS.find((k) => k.matches(content))?.kind ?? null;
}

function starts(b: Buffer, signature: number[]): boolean {
  return b.length >= signature.length && signature.every((byte, i) => b[i] === byte);
}

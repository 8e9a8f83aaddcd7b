// fileKindOf: photos and PDFs by their magic bytes; anything else (or a renamed executable) is refused.
import { fileKindOf } from './file-kind.util';

describe('fileKindOf', () => {
  it('recognises JPEG, PNG, WebP and PDF by their first bytes', () => {
    expect(fileKindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.contentType).toBe('image/jpeg');
    expect(fileKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe('image/png');
    expect(fileKindOf(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))?.contentType).toBe('image/webp');
    expect(fileKindOf(Buffer.from('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
  });

  it('refuses what is none of them, whatever it claims to be', () => {
    expect(fileKindOf(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull(); // a Windows executable
    expect(fileKindOf(Buffer.from('<svg onload="alert(1)"/>'))).toBeNull();
    expect(fileKindOf(Buffer.from([0x89, 0x50]))).toBeNull(); // too short to be a PNG
    expect(fileKindOf(Buffer.alloc(0))).toBeNull();
  });
});

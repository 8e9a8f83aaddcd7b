// Comments and attachments on a request: internal or customer-visible, type checked by magic bytes, size-limited,
// sha-256 stored, kept in PostgreSQL, read back byte for byte, recorded in history and the audit log.
import { createHash } from 'node:crypto';
import { Scenario } from '../support/scenario';

const REQUEST = { channel: 'phone', customerName: 'Li Wei', customerContact: '+86 138 0000 0000', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body for the test')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

describe('request comments and attachments', () => {
  const s = new Scenario();
  let id: string;
  beforeAll(async () => {
    await s.setUp();
    id = (await s.start('service-request', REQUEST)).id;
  });
  afterAll(() => s.tearDown());

  it('adds internal and customer-visible comments, in history and the audit log', async () => {
    const tech = await s.t.as('li.wei', ['technician']);
    await tech.post(`/api/process-instances/${id}/comments`).send({ body: 'Compressor relay looks burnt' }).expect(201);
    await tech.post(`/api/process-instances/${id}/comments`).send({ body: 'We will bring a spare relay', visibility: 'customer' }).expect(201);
    const notes = (await tech.get(`/api/process-instances/${id}/notes`).expect(200)).body;
    expect(notes.comments.map((c: { author: string; visibility: string; body: string }) => [c.author, c.visibility, c.body])).toEqual([
      ['li.wei', 'internal', 'Compressor relay looks burnt'],
      ['li.wei', 'customer', 'We will bring a spare relay'],
    ]);
    expect((await s.instance(id)).history.filter((h) => h.type === 'comment.added')).toHaveLength(2);
    const audit = (await s.t.http.get('/api/audit').query({ action: 'comment.added', targetId: id }).expect(200)).body.items;
    expect(audit).toHaveLength(2);
    await tech.post(`/api/process-instances/${id}/comments`).send({ body: '' }).expect(400);
    await tech.post(`/api/process-instances/${id}/comments`).send({ body: 'x', visibility: 'public' }).expect(400);
  });

  it('stores a photo and a PDF with their sha-256 and gives back the same bytes', async () => {
    const tech = await s.t.as('li.wei', ['technician']);
    const photo = (await tech.post(`/api/process-instances/${id}/attachments`).attach('file', PNG, { filename: 'fault.png', contentType: 'image/png' }).expect(201)).body;
    expect(photo).toMatchObject({ fileName: 'fault.png', contentType: 'image/png', sizeBytes: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), uploadedBy: 'li.wei', visibility: 'internal' });
    // a PDF sent with a misleading name and type is stored as what it is
    const signed = (await tech.post(`/api/process-instances/${id}/attachments`).field('visibility', 'customer').attach('file', PDF, { filename: 'sign-off.jpg', contentType: 'image/jpeg' }).expect(201)).body;
    expect(signed).toMatchObject({ fileName: 'sign-off.pdf', contentType: 'application/pdf', visibility: 'customer' });
    const download = await tech.get(`/api/process-instances/${id}/attachments/${photo.id}/content`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    expect(download.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-disposition': expect.stringContaining('attachment') });
    const listed = (await tech.get(`/api/process-instances/${id}/notes`).expect(200)).body.attachments;
    expect(listed.map((a: { fileName: string }) => a.fileName)).toEqual(['fault.png', 'sign-off.pdf']);
    expect(listed[0]).not.toHaveProperty('content');
    expect((await s.t.http.get('/api/audit').query({ action: 'attachment.added', targetId: id }).expect(200)).body.items).toHaveLength(2);
  });

  it('refuses other types by their bytes, files over 10 MB, and callers who may not', async () => {
    const tech = await s.t.as('li.wei', ['technician']);
    const exe = await tech.post(`/api/process-instances/${id}/attachments`).attach('file', Buffer.from('MZ\x90\x00 not a photo', 'latin1'), { filename: 'photo.png', contentType: 'image/png' }).expect(400);
    expect(exe.body.message).toContain('checked by its first bytes');
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    await tech.post(`/api/process-instances/${id}/attachments`).attach('file', big, { filename: 'big.png' }).expect(413);
    await tech.post(`/api/process-instances/${id}/attachments`).field('visibility', 'internal').expect(400);
    const analyst = await s.t.as('an.wu', ['analyst']);
    await analyst.post(`/api/process-instances/${id}/comments`).send({ body: 'hi' }).expect(403);
    await tech.get(`/api/process-instances/00000000-0000-4000-8000-000000000000/notes`).expect(404);
    await tech.get(`/api/process-instances/${id}/attachments/00000000-0000-4000-8000-000000000000/content`).expect(404);
  });
});

// Instances are found by business fields (customer, phone, device, serial: any part, any case, phone by its digits)
// and by variable equality, together with the filters the list had.
import { startTestApp, type TestApp } from '../support/app';
import { simpleTaskProcess } from '../support/bpmn';

describe('instance search by variables and business fields', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const find = async (query: Record<string, unknown>) => ((await t.http.get('/api/process-instances').query(query).expect(200)).body.items as { id: string }[]).map((i) => i.id).sort();
  const idsOf = (...names: string[]) => names.map((n) => ids[n]).sort();

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('repair') }).expect(201);
    const requests = {
      wang: { customerName: 'Wang Wei', customerContact: '+86 139 3016 7999', deviceModel: 'RF-500 fridge', serialNumber: 'SN000054321', region: 'Pudong', inWarranty: true, visits: 2 },
      li: { customerName: 'Li Fang', customerPhone: '021-5555 0101', deviceModel: 'WM-200 washing machine', serialNumber: 'SN000000777', region: 'Xuhui', inWarranty: false, visits: 1 },
      wangMin: { customer: 'WANG Min', phone: '13800138000', device: 'AC-300 air conditioner', serial: 'AC9-1', region: 'Pudong', inWarranty: true, visits: 1 },
    };
    for (const [name, variables] of Object.entries(requests)) ids[name] = (await t.http.post('/api/process-instances').send({ definitionKey: 'repair', variables }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('finds by any part of a business field, in any case, and a phone by its digits', async () => {
    expect(await find({ customer: 'wang' })).toEqual(idsOf('wang', 'wangMin'));
    expect(await find({ customer: 'Wang Wei' })).toEqual(idsOf('wang'));
    expect(await find({ phone: '3016 7999' })).toEqual(idsOf('wang'));
    expect(await find({ phone: '+8613930167999' })).toEqual(idsOf('wang'));
    expect(await find({ phone: '55550101' })).toEqual(idsOf('li'));
    expect(await find({ device: 'FRIDGE' })).toEqual(idsOf('wang'));
    expect(await find({ serial: 'sn000054321' })).toEqual(idsOf('wang'));
    expect(await find({ serial: '%%%' })).toEqual([]);
  });

  it('finds by variable equality, typed values included, combined with the other filters', async () => {
    expect(await find({ variable: 'region:Pudong' })).toEqual(idsOf('wang', 'wangMin'));
    expect(await find({ variable: ['region:Pudong', 'visits:2'] })).toEqual(idsOf('wang'));
    expect(await find({ variable: 'inWarranty:false' })).toEqual(idsOf('li'));
    expect(await find({ variable: 'region:Pudong', customer: 'min' })).toEqual(idsOf('wangMin'));
    expect(await find({ variable: 'region:Pudong', definitionKey: 'other' })).toEqual([]);
  });

  it('refuses searches too short to use the index and malformed variables, saying how', async () => {
    const msg = async (query: Record<string, unknown>) => JSON.stringify((await t.http.get('/api/process-instances').query(query).expect(400)).body.message);
    expect(await msg({ customer: 'wa' })).toMatch(/customer needs at least 3 characters/);
    expect(await msg({ phone: '1-2' })).toMatch(/phone needs at least 3 digits/);
    expect(await msg({ variable: 'no-colon' })).toMatch(/variable must be name:value/);
    expect(await msg({ variable: ['a:1', 'b:2', 'c:3', 'd:4', 'e:5', 'f:6'] })).toMatch(/variable must contain no more than 5 elements/);
  });
});

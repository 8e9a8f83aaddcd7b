import { requestDetail } from './audit-detail.util';

describe('requestDetail', () => {
  it('keeps parameters and scalars, names of variables, never secrets', () => {
    const detail = requestDetail({ params: { id: 'i-1' }, body: { reason: 'test', retries: 2, variables: { customer: 'Li Na', phone: '138' }, password: 'x', secret: 'y', scopes: ['a', 'b'] } });
    expect(detail).toEqual({ id: 'i-1', reason: 'test', retries: 2, variables: ['customer', 'phone'], scopes: ['a', 'b'] });
  });
});

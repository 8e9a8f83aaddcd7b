// A valid start form of the service-request process, shared by the API tests, the scale-out test and the bench.
export const SERVICE_REQUEST_START = {
  channel: 'phone',
  customerName: 'Li Wei',
  customerContact: '+86 138 0000 0000',
  deviceModel: 'WM-200 washing machine',
  faultDescription: 'drum does not spin',
  inWarranty: true,
  region: 'Pudong',
};

// calculateSettlement: free within warranty, otherwise the accepted quote.
import type { ServiceHandler } from '../engine/service-registry';

export const calculateSettlement: ServiceHandler = ({ variables }) => {
  const quote = typeof variables.quoteAmount === 'number' ? variables.quoteAmount : 0;
  return { settlementAmount: variables.inWarranty === true ? 0 : quote };
};

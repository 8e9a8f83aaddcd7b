// archiveWorkOrder: stamps the work order as archived.
import type { ServiceHandler } from '../engine/service-registry';

export const archiveWorkOrder: ServiceHandler = ({ now, record }) => {
  record('workOrder.archived');
  return { archivedAt: now.toISOString() };
};

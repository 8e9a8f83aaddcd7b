// assignTechnician: proposes a technician by fault type and region (the dispatcher confirms or changes it).
import type { ServiceHandler } from '../engine/service-registry';

const SKILL_TEAMS: Record<string, string> = {
  hardware: 'hardware-team',
  software: 'software-team',
  installation: 'installation-team',
};

export const assignTechnician: ServiceHandler = ({ variables, record }) => {
  const team = SKILL_TEAMS[String(variables.faultType)] ?? 'general-team';
  const region = String(variables.region ?? 'unassigned').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const technician = `${team}@${region}`;
  record('technician.proposed', { technician, faultType: variables.faultType ?? null, region: variables.region ?? null });
  return { technician };
};

// Staff per role in the learned model and the analyst's change to it ("one more supervisor"), as a small table.
import { useI18n } from '../i18n/i18n';
import { roleName } from './simulation-format';

const NOT_STAFF = ['admin', 'analyst'];

interface Props {
  roles: Record<string, number>;
  staff: Record<string, number>;
  onChange: (staff: Record<string, number>) => void;
}

export function StaffAdjustments({ roles, staff, onChange }: Props) {
  const { t } = useI18n();
  // Admins and analysts are users too, but they do no service work the simulation could staff.
  const names = Object.keys(roles).filter((r) => !NOT_STAFF.includes(r)).sort();
  if (!names.length) return <p class="muted">{t('simulation.noStaff')}</p>;
  return (
    <table class="table simulation-staff" data-testid="simulation-staff">
      <caption>{t('simulation.staff')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('simulation.staff.role')}</th>
          <th scope="col">{t('simulation.staff.now')}</th>
          <th scope="col">{t('simulation.staff.change')}</th>
          <th scope="col">{t('simulation.staff.simulated')}</th>
        </tr>
      </thead>
      <tbody>
        {names.map((role) => {
          const delta = staff[role] ?? 0;
          return (
            <tr key={role} data-role={role}>
              <th scope="row">{roleName(role)}</th>
              <td>{roles[role]}</td>
              <td>
                <input
                  type="number"
                  name={`staff-${role}`}
                  aria-label={t('simulation.staff.changeOf', { role: roleName(role) })}
                  min={-roles[role]}
                  max={50}
                  step={1}
                  size={4}
                  value={delta}
                  onInput={(e) => onChange({ ...staff, [role]: Number((e.currentTarget as HTMLInputElement).value) })}
                />
              </td>
              <td>{Math.max(0, roles[role] + delta)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// Answers of the SLA endpoints: policies (targets by priority) and business calendars (hours, holidays).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import type { BusinessCalendar } from '../business-calendar';
import type { SlaClockRow } from '../sla-clock.repository';
import type { SlaPolicy } from '../sla-config';
import { parseDurationMs } from '../sla-target.util';

export const CLOCK_STATUSES = ['open', 'running', 'paused', 'met', 'missed', 'cancelled'] as const;

@ValidatorConstraint({ name: 'isoDuration' })
class IsoDuration implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseDurationMs(value) !== null;
  }
  defaultMessage(): string {
    return 'dueWithin must be an ISO 8601 duration such as PT4H or P1D';
  }
}

export class SlaClockQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLOCK_STATUSES, description: 'open = running or paused' }) @IsOptional() @IsIn(CLOCK_STATUSES) status?: (typeof CLOCK_STATUSES)[number];
  @ApiPropertyOptional({ description: 'true: only clocks past their due time; false: only those not (yet) breached' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'breached must be true or false' })
  breached?: boolean;
  @ApiPropertyOptional({ description: 'only clocks due at or before this instant (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'dueBefore must be an ISO 8601 date-time' }) dueBefore?: string;
  @ApiPropertyOptional({ description: "only clocks due within this ISO 8601 duration of the server's now, e.g. PT4H" }) @IsOptional() @Validate(IsoDuration) dueWithin?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) policy?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
}

export function mapPolicy(p: SlaPolicy) {
  return { id: p.id, name: p.name, names: p.names, calendar: p.calendar.id, targets: p.targets, warnAt: p.warnAt };
}

export function mapCalendar(c: BusinessCalendar) {
  return { id: c.id, name: c.name, timeZone: c.timeZone, workingHours: c.workingHours, holidays: c.holidays, workdays: c.workdays ?? [] };
}

/** A clock in a list: which request and task it watches, and its live state (SlaView.describe). */
export function mapClockRow<V extends object>(row: SlaClockRow, view: V) {
  return { ...view, processInstanceId: row.clock.instanceId, businessKey: row.businessKey, definitionKey: row.definitionKey, taskName: row.taskName };
}

// Request and response shapes of the incidents API.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsVariables } from '../../common/free-form';
import { PageQueryDto } from '../../common/page.dto';
import { IntParam } from '../../common/int-param';
import { INCIDENT_KINDS, type IncidentKind, type IncidentRow } from '../incident-search.repository';
import type { IncidentEntity } from '../../database/entities/incident.entity';

export class IncidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['retrying', 'open', 'resolved'] }) @IsOptional() @IsIn(['retrying', 'open', 'resolved']) status?: 'retrying' | 'open' | 'resolved';
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
  @ApiPropertyOptional({ example: 'service-request' }) @IsOptional() @IsString() @MaxLength(200) definitionKey?: string;
  @ApiPropertyOptional({ example: 'Task_Quote' }) @IsOptional() @IsString() @MaxLength(200) activityId?: string;
  @ApiPropertyOptional({ enum: INCIDENT_KINDS, description: 'what failed' }) @IsOptional() @IsIn(INCIDENT_KINDS) type?: IncidentKind;
  @IntParam({ min: 0, max: 525_600, description: 'only incidents opened at least this many minutes ago' }) olderThanMinutes?: number;
}

export class ResolveIncidentDto {
  @ApiPropertyOptional({ description: 'what was done instead of the handler (kept on the incident)' }) @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
  @IsVariables('variables the handler would have set') variables?: Record<string, unknown>;
}

export class RetryIncidentDto {
  @IsVariables('corrected variables, set on the instance before the retry (an incident of a command that failed on data only)') variables?: Record<string, unknown>;
}

export function mapIncident(i: IncidentEntity) {
  return {
    id: i.id,
    processInstanceId: i.instanceId,
    activityId: i.activityId,
    error: i.error,
    attempts: i.attempts,
    status: i.status,
    nextRetryAt: i.nextRetryAt,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    resolvedAt: i.resolvedAt,
    resolution: i.resolution,
    // A command that failed on data (task completion, timer, message): retry takes corrected variables.
    taskId: i.command?.type === 'completeTask' ? i.command.taskId : null,
    correctable: !!i.command,
  };
}

/** A row of the incidents list: the incident, its process and what kind of thing failed. */
export function mapIncidentRow(r: IncidentRow) {
  return {
    id: r.id,
    processInstanceId: r.instance_id,
    definitionKey: r.definition_key,
    type: r.kind,
    activityId: r.activity_id,
    error: r.error,
    attempts: r.attempts,
    status: r.status,
    nextRetryAt: r.next_retry_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    taskId: r.task_id,
    // a command that failed on data: retry takes corrected variables
    correctable: r.correctable,
  };
}

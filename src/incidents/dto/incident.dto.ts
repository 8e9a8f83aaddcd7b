// Request and response shapes of the incidents API.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsVariables } from '../../common/free-form';
import { PageQueryDto } from '../../common/page.dto';
import type { IncidentEntity } from '../../database/entities/incident.entity';

export class IncidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['retrying', 'open', 'resolved'] }) @IsOptional() @IsIn(['retrying', 'open', 'resolved']) status?: 'retrying' | 'open' | 'resolved';
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
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

// Request and response shapes of the escalations API.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IntParam } from '../../common/int-param';
import { PageQueryDto } from '../../common/page.dto';
import type { EscalationEntity } from '../../database/entities/escalation.entity';

export class EscalationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'resolved'] }) @IsOptional() @IsIn(['open', 'acknowledged', 'resolved']) status?: 'open' | 'acknowledged' | 'resolved';
  @IntParam({ min: 1, max: 10, description: '2 = supervisor, 3 = manager' }) level?: number;
  @ApiPropertyOptional() @IsOptional() @IsIn(['agent', 'technician', 'supervisor', 'manager']) role?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
}

/** No fields: who acknowledges is the signed-in caller, never a name in the body (a "by" is refused). */
export class AcknowledgeEscalationDto {}

export class ReassignEscalationDto {
  @ApiProperty({ description: 'who should handle it; the escalated task is assigned to them' }) @IsString() @IsNotEmpty() @MaxLength(200) assignee!: string;
}

export class ResolveEscalationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
}

export function mapEscalation(e: EscalationEntity) {
  return {
    id: e.id,
    processInstanceId: e.instanceId,
    level: e.level,
    cycle: e.cycle,
    role: e.role,
    taskId: e.taskId,
    status: e.status,
    assignee: e.assignee,
    acknowledgedBy: e.acknowledgedBy,
    acknowledgedAt: e.acknowledgedAt,
    resolvedAt: e.resolvedAt,
    resolution: e.resolution,
    createdAt: e.createdAt,
  };
}

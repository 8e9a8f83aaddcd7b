// Request and response shapes of the tasks API, with the mapper from the entity.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsVariables } from '../../common/free-form';
import { PageQueryDto } from '../../common/page.dto';
import type { TaskEntity } from '../../database/entities/task.entity';

export class TaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) candidateRole?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) assignee?: string;
  @ApiPropertyOptional({ enum: ['open', 'completed', 'cancelled'] }) @IsOptional() @IsIn(['open', 'completed', 'cancelled']) status?: 'open' | 'completed' | 'cancelled';
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
}

export class ClaimTaskDto {
  @ApiProperty({ description: 'who takes the task' }) @IsString() @IsNotEmpty() @MaxLength(200) assignee!: string;
}

export class CompleteTaskDto {
  @IsVariables('values of the task form fields') variables?: Record<string, unknown>;
}

export function mapTask(t: TaskEntity) {
  return {
    id: t.id,
    processInstanceId: t.instanceId,
    activityId: t.activityId,
    name: t.name,
    candidateRoles: t.candidateRoles,
    candidateUsers: t.candidateUsers,
    assignee: t.assignee,
    status: t.status,
    form: t.form,
    submitted: t.submitted,
    localVariables: t.localVariables ?? null,
    createdAt: t.createdAt,
    claimedAt: t.claimedAt,
    endedAt: t.endedAt,
  };
}

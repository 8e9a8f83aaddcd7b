// Request and response shapes of the tasks API, with the mapper from the entity.
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsVariables } from '../../common/free-form';
import { PageQueryDto } from '../../common/page.dto';
import type { TaskEntity } from '../../database/entities/task.entity';
import { TaskCriteriaDto } from './task-criteria.dto';

/** A page (limit/offset, with the total) of the tasks matching the criteria, in the asked order. */
export class TaskQueryDto extends IntersectionType(PageQueryDto, TaskCriteriaDto) {}

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
    owner: t.owner ?? null,
    delegationState: t.delegationState ?? null,
    followUp: t.followUpAt ?? null,
    slaDueAt: t.slaDueAt ?? null,
  };
}

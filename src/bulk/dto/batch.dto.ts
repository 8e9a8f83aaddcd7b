// Request and response shapes of bulk actions (POST /api/batches, GET /api/batches/{id}).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MigrationPlanDto } from '../../migration/dto/migration.dto';

export const BATCH_TYPES = ['cancel', 'retryIncidents', 'reassignTasks', 'migrate'] as const;
export type BatchType = (typeof BATCH_TYPES)[number];

/** Which items, when no ids are given: cancel/migrate → active instances; retryIncidents → open incidents; reassignTasks → open tasks. */
export class BatchFilterDto {
  @ApiPropertyOptional({ example: 'service-request' }) @IsOptional() @IsString() @MaxLength(200) definitionKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() definitionId?: string;
  @ApiPropertyOptional({ description: 'business keys starting with this text' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) businessKeyPrefix?: string;
  @ApiPropertyOptional({ description: 'retryIncidents: the failing activity (service task)' }) @IsOptional() @IsString() @MaxLength(200) activityId?: string;
  @ApiPropertyOptional({ description: 'reassignTasks: the tasks now held by this person' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) assignee?: string;
}

export class CreateBatchDto {
  @ApiProperty({ enum: BATCH_TYPES }) @IsIn(BATCH_TYPES as unknown as string[], { message: `type must be one of ${BATCH_TYPES.join(', ')}` }) type!: BatchType;
  @ApiPropertyOptional({ description: 'instance ids (cancel, migrate), incident ids (retryIncidents) or task ids (reassignTasks)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10000) @IsUUID('all', { each: true }) ids?: string[];
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => BatchFilterDto) filter?: BatchFilterDto;
  @ApiPropertyOptional({ description: 'cancel: the reason recorded on each instance' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
  @ApiPropertyOptional({ description: 'reassignTasks: who gets the tasks' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) assignee?: string;
  @ApiPropertyOptional({ description: 'migrate: the plan (see POST /api/migration/generate)' }) @IsOptional() @ValidateNested() @Type(() => MigrationPlanDto) migrationPlan?: MigrationPlanDto;
}

export interface BatchRow {
  id: string;
  type: BatchType;
  params: { reason?: string; assignee?: string; migrationPlan?: MigrationPlanDto };
  created_by: string;
  created_at: Date;
  total: number;
  done: number;
  failed: number;
  ended_at: Date | null;
}

export interface BatchItemRow {
  seq: number;
  target_id: string;
  status: 'pending' | 'done' | 'failed';
  error: string | null;
  ended_at: Date | null;
}

export function mapBatch(b: BatchRow, items?: BatchItemRow[]) {
  return {
    id: b.id,
    type: b.type,
    createdBy: b.created_by,
    createdAt: b.created_at,
    endedAt: b.ended_at,
    progress: { total: b.total, done: b.done, failed: b.failed, pending: b.total - b.done - b.failed },
    ...(items && { items: items.map((i) => ({ targetId: i.target_id, status: i.status, error: i.error, endedAt: i.ended_at })) }),
  };
}

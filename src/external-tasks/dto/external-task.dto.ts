// Request and response shapes of the external task API, after Camunda 7's REST API (/external-task/…).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import type { ExternalTaskEntity } from '../../database/entities/external-task.entity';
import { toTypedVariables, type TypedValue } from '../camunda-variables.util';

const MAX_LOCK_MS = 7 * 24 * 3600_000;
/** Camunda's own upper bound for a long poll (30 minutes). */
export const MAX_ASYNC_RESPONSE_TIMEOUT_MS = 1_800_000;
const TYPED_VARIABLES = { type: 'object', additionalProperties: { type: 'object', properties: { value: {}, type: { type: 'string' } } }, example: { approved: { value: true, type: 'Boolean' } } } as const;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

class WorkerDto {
  @ApiProperty({ example: 'crm-worker-1' }) @IsString() @IsNotEmpty() @MaxLength(200) workerId!: string;
}

export class FetchTopicDto {
  @ApiProperty({ example: 'sendInvoice' }) @IsString() @IsNotEmpty() @MaxLength(200) topicName!: string;
  @ApiProperty({ description: 'ms the tasks stay locked for this worker', example: 60000 }) @IsInt() @Min(1) @Max(MAX_LOCK_MS) lockDuration!: number;
  @ApiPropertyOptional({ description: 'names of the variables to return (default: all)', type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(200, { each: true }) variables?: string[];
}

export class FetchAndLockDto extends WorkerDto {
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(100) maxTasks!: number;
  @ApiPropertyOptional({ description: 'higher camunda:taskPriority first' }) @IsOptional() @IsBoolean() usePriority?: boolean;
  @ApiPropertyOptional({ description: `long polling: wait up to this many ms for a task (at most ${MAX_ASYNC_RESPONSE_TIMEOUT_MS})` })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ASYNC_RESPONSE_TIMEOUT_MS) asyncResponseTimeout?: number;
  @ApiProperty({ type: [FetchTopicDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FetchTopicDto) topics!: FetchTopicDto[];
}

export class CompleteExternalTaskDto extends WorkerDto {
  @ApiPropertyOptional(TYPED_VARIABLES) @IsOptional() @IsObject() variables?: Record<string, unknown>;
}

export class FailureDto extends WorkerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) errorMessage?: string;
  @ApiPropertyOptional({ description: 'e.g. a stack trace' }) @IsOptional() @IsString() @MaxLength(100_000) errorDetails?: string;
  @ApiProperty({ description: 'retries left; 0 opens an incident' }) @IsInt() @Min(0) @Max(1000) retries!: number;
  @ApiPropertyOptional({ description: 'ms before the task may be fetched again' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_LOCK_MS) retryTimeout?: number;
}

export class BpmnErrorDto extends WorkerDto {
  @ApiProperty({ description: 'matched with the errorCode of the bpmn:error of an error boundary event', example: 'CUSTOMER_UNREACHABLE' }) @IsString() @IsNotEmpty() @MaxLength(200) errorCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) errorMessage?: string;
  @ApiPropertyOptional(TYPED_VARIABLES) @IsOptional() @IsObject() variables?: Record<string, unknown>;
}

export class ExtendLockDto extends WorkerDto {
  @ApiProperty({ description: 'ms from now' }) @IsInt() @Min(1) @Max(MAX_LOCK_MS) newDuration!: number;
}

export class ExternalTaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) topicName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) workerId?: string;
  @ApiPropertyOptional({ description: 'true: locked now; false: not locked' }) @IsOptional() @Transform(toBool) @IsBoolean() locked?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() withRetriesLeft?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() noRetriesLeft?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) activityId?: string;
}

interface InstanceFacts {
  businessKey: string | null;
  definitionKey: string;
  definitionId: string;
}

/** An external task as Camunda's ExternalTaskDto (`executionId`/`activityInstanceId`: the engine's execution). */
export function mapExternalTask(t: ExternalTaskEntity, instance: InstanceFacts | undefined) {
  return {
    id: t.id,
    topicName: t.topicName,
    workerId: t.workerId,
    lockExpirationTime: t.lockExpirationTime,
    processInstanceId: t.instanceId,
    processDefinitionId: instance?.definitionId ?? null,
    processDefinitionKey: instance?.definitionKey ?? null,
    businessKey: instance?.businessKey ?? null,
    activityId: t.activityId,
    activityInstanceId: t.executionId,
    executionId: t.executionId,
    retries: t.retries,
    errorMessage: t.errorMessage,
    priority: t.priority,
    suspended: false,
    tenantId: null,
    createTime: t.createdAt,
  };
}

/** A locked task as fetch-and-lock answers it: the task, its error details and the asked-for variables. */
export function mapLockedTask(t: ExternalTaskEntity, instance: InstanceFacts & { variables: Record<string, unknown> }, names: string[] | undefined) {
  const variables: Record<string, TypedValue> = toTypedVariables({ variables: instance.variables, names });
  return { ...mapExternalTask(t, instance), errorDetails: t.errorDetails, variables };
}

/** An open external task as the instance detail lists it among the instance's waits. */
export function mapWaitingExternalTask(t: ExternalTaskEntity) {
  return { id: t.id, activityId: t.activityId, topicName: t.topicName, workerId: t.workerId, lockExpirationTime: t.lockExpirationTime, retries: t.retries, errorMessage: t.errorMessage, createdAt: t.createdAt };
}

// Request and response shapes of the process-instances API, with the mappers from entities.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsVariables } from '../../common/free-form';
import { PageQueryDto } from '../../common/page.dto';
import type { HistoryEntity, MessageSubscriptionEntity, ProcessInstanceEntity, TimerEntity } from '../../database/entities';
import type { TaskEntity } from '../../database/entities/task.entity';
import { mapTask } from '../../tasks/dto/task.dto';

const KEY = /^[A-Za-z_][\w.-]*$/;

export class StartInstanceDto {
  @ApiProperty({ example: 'service-request' }) @IsString() @Matches(KEY, { message: 'definitionKey must be a process id such as service-request' }) @MaxLength(200) definitionKey!: string;
  @ApiPropertyOptional({ description: 'your own reference (ticket number); unique among active instances of a definition' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) businessKey?: string;
  @IsVariables() variables?: Record<string, unknown>;
}

export class InstanceQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) definitionKey?: string;
  @ApiPropertyOptional({ enum: ['active', 'completed', 'cancelled'] }) @IsOptional() @IsIn(['active', 'completed', 'cancelled']) status?: 'active' | 'completed' | 'cancelled';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) businessKey?: string;
  @ApiPropertyOptional({ description: 'part of the customer name (3+ characters, any case)', example: 'wang' }) @IsOptional() @IsString() @MinLength(3, { message: 'customer needs at least 3 characters' }) @MaxLength(200) customer?: string;
  @ApiPropertyOptional({ description: 'part of the phone number (3+ digits; spaces and + ignored)', example: '3016 7999' }) @IsOptional() @IsString() @Matches(/(\d\D*){3}/, { message: 'phone needs at least 3 digits' }) @MaxLength(50) phone?: string;
  @ApiPropertyOptional({ description: 'part of the device model (3+ characters)', example: 'fridge' }) @IsOptional() @IsString() @MinLength(3, { message: 'device needs at least 3 characters' }) @MaxLength(200) device?: string;
  @ApiPropertyOptional({ description: 'part of the serial number (3+ characters)', example: 'SN000054321' }) @IsOptional() @IsString() @MinLength(3, { message: 'serial needs at least 3 characters' }) @MaxLength(200) serial?: string;
  @ApiPropertyOptional({ type: [String], description: 'variable equality, name:value (repeatable, up to 5); 42 or true also match the typed value', example: ['region:Pudong'] })
  @IsOptional() @Transform(({ value }) => (Array.isArray(value) ? value : [value])) @IsArray() @ArrayMaxSize(5)
  @Matches(/^[A-Za-z_][\w.-]{0,99}:.{1,500}$/s, { each: true, message: 'variable must be name:value, e.g. region:Pudong' })
  variable?: string[];
}

export class CancelInstanceDto {
  @ApiProperty({ example: 'customer withdrew the request' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

export function mapInstance(i: ProcessInstanceEntity) {
  return {
    id: i.id,
    definitionKey: i.definitionKey,
    definitionVersion: i.definitionVersion,
    businessKey: i.businessKey,
    status: i.status,
    activeActivityIds: i.activeActivityIds,
    endActivityId: i.endActivityId,
    startedAt: i.startedAt,
    endedAt: i.endedAt,
  };
}

export function mapInstanceDetail(i: ProcessInstanceEntity, parts: { history: HistoryEntity[]; tasks: TaskEntity[]; timers: TimerEntity[]; messages: MessageSubscriptionEntity[] }) {
  return {
    ...mapInstance(i),
    variables: i.variables,
    cancelReason: i.cancelReason,
    revision: i.revision,
    tasks: parts.tasks.map(mapTask),
    // A paused timer (following an SLA pause) has no due time until it resumes.
    timers: parts.timers.map((t) => ({ activityId: t.activityId, timerType: t.timerType, expression: t.expression, dueAt: t.pausedAt ? null : t.dueAt })),
    awaitedMessages: parts.messages.map((m) => ({ messageName: m.messageName, activityId: m.activityId })),
    history: parts.history.map((h) => ({ at: h.at, type: h.type, activityId: h.activityId, detail: h.detail })),
  };
}

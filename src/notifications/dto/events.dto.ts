// Query of the live event stream: roles the viewer acts in, optional type filter, optional replay start.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { ROLES } from '../../engine/definition-model';
import { commaList, EVENT_TYPE, EVENT_TYPE_MESSAGE } from './event-type';

/** The process roles, and analysts: they follow their simulation runs' progress (issue 18). */
const STREAM_ROLES = [...ROLES, 'analyst'];

export class EventStreamQueryDto {
  @ApiPropertyOptional({ type: String, example: 'agent,supervisor', description: `comma list of ${STREAM_ROLES.join(', ')}; events restricted to other roles are not sent (none = unrestricted events only)` })
  @IsOptional() @Transform(commaList) @IsArray() @ArrayMaxSize(10) @IsIn(STREAM_ROLES, { each: true, message: `roles must be among ${STREAM_ROLES.join(', ')}` })
  roles?: string[];

  @ApiPropertyOptional({ type: String, example: 'task.created,process.completed', description: 'comma list of event types (none = all)' })
  @IsOptional() @Transform(commaList) @IsArray() @ArrayMaxSize(50) @Matches(EVENT_TYPE, { each: true, message: EVENT_TYPE_MESSAGE })
  types?: string[];

  @ApiPropertyOptional({ example: '1234', description: 'replay events after this event id (the Last-Event-ID header wins)' })
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'since must be an event id' })
  since?: string;
}

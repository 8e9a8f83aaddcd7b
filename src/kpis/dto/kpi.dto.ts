// Query shapes of the KPI API: window, dimension filters, version comparison and report granularity.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { IntParam } from '../../common/int-param';

const CHANNELS = ['phone', 'web', 'app', 'wechat', 'email', 'chat'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'urgent'];
const list = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : String(value).split(',').map((x) => x.trim()).filter(Boolean));

export class KpiQueryDto {
  @ApiPropertyOptional({ description: 'start of the window (ISO-8601, inclusive); default: 30 days before `to`' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' }) from?: string;
  @ApiPropertyOptional({ description: 'end of the window (ISO-8601, exclusive); default: now' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' }) to?: string;
  @ApiPropertyOptional({ description: `comma list of ${CHANNELS.join(', ')}` }) @IsOptional() @Transform(list) @ArrayMaxSize(6) @IsIn(CHANNELS, { each: true, message: `channel must be among ${CHANNELS.join(', ')}` }) channel?: string[];
  @ApiPropertyOptional({ description: `comma list of ${PRIORITIES.join(', ')}` }) @IsOptional() @Transform(list) @ArrayMaxSize(5) @IsIn(PRIORITIES, { each: true, message: `priority must be among ${PRIORITIES.join(', ')}` }) priority?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) region?: string;
  @ApiPropertyOptional({ enum: ['service-request', 'complaint-escalation'] }) @IsOptional() @IsIn(['service-request', 'complaint-escalation']) process?: string;
  @IntParam({ min: 1, max: 1_000_000, description: 'a version of `process` (required with it)' }) version?: number;
}

export class KpiCompareDto extends KpiQueryDto {
  @IntParam({ min: 1, max: 1_000_000, optional: false, description: 'the version before the redesign' }) versionA!: number;
  @IntParam({ min: 1, max: 1_000_000, optional: false, description: 'the version after the redesign' }) versionB!: number;
}

export class KpiReportDto extends KpiQueryDto {
  @ApiProperty({ enum: ['day', 'week', 'month'] }) @IsIn(['day', 'week', 'month'], { message: 'granularity must be day, week or month' }) granularity!: 'day' | 'week' | 'month';
}

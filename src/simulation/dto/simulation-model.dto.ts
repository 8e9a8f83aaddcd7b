// Query of the learned simulation model: a process key, a window of history and optionally some of its versions.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const ints = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : String(value).split(',').map((x) => Number(x.trim())));

export class SimulationModelQueryDto {
  @ApiProperty({ example: 'service-request' }) @IsString() @MaxLength(200) @Matches(/^[A-Za-z_][\w.-]*$/, { message: 'definitionKey must be a process id such as service-request' }) definitionKey!: string;
  @ApiPropertyOptional({ description: 'start of the history window (ISO-8601, inclusive); default: 28 days before `to`' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' }) from?: string;
  @ApiPropertyOptional({ description: 'end of the window (ISO-8601, exclusive); default: now' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' }) to?: string;
  @ApiPropertyOptional({ description: 'comma list of versions to learn from (default: all)' }) @IsOptional() @Transform(ints) @ArrayMaxSize(50) @IsInt({ each: true, message: 'versions must be whole numbers, e.g. 1,2' }) @Min(1, { each: true, message: 'versions start at 1' }) versions?: number[];
}

// What a tasklist asks for: the filter criteria (also what a saved filter stores) and the sort, Camunda-style.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const SORT_KEYS = ['due', 'created', 'followUp', 'name', 'assignee'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** `assignee=@me` in a saved filter means whoever opens it (Camunda's `${currentUser()}`). */
export const ME = '@me';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class TaskCriteriaDto {
  @ApiPropertyOptional({ description: 'words in the business fields (customer, phone, device, serial, region, business key), process or task name' })
  @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) candidateRole?: string;
  @ApiPropertyOptional({ description: `a username, or ${ME}` }) @IsOptional() @IsString() @MaxLength(200) assignee?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() unassigned?: boolean;
  @ApiPropertyOptional({ enum: ['open', 'completed', 'cancelled'] }) @IsOptional() @IsIn(['open', 'completed', 'cancelled']) status?: 'open' | 'completed' | 'cancelled';
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) processDefinitionKey?: string;
  @ApiPropertyOptional({ enum: ['due', 'set', 'none'], description: 'due: a follow-up date that has come' })
  @IsOptional() @IsIn(['due', 'set', 'none']) followUp?: 'due' | 'set' | 'none';
  @ApiPropertyOptional({ enum: SORT_KEYS, default: 'due' }) @IsOptional() @IsIn([...SORT_KEYS]) sortBy?: SortKey;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) sortOrder?: 'asc' | 'desc';
}

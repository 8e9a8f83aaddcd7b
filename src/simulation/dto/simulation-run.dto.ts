// A simulation run request (POST /api/simulations) and how a stored run is answered (GET /api/simulations/:id).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class HistoryWindowDto {
  @ApiProperty({ description: 'start of the history to learn from (ISO-8601)' }) @IsISO8601({ strict: true }, { message: 'fromHistory.from must be an ISO-8601 date-time' }) from!: string;
  @ApiProperty({ description: 'end of the history (ISO-8601, exclusive)' }) @IsISO8601({ strict: true }, { message: 'fromHistory.to must be an ISO-8601 date-time' }) to!: string;
}

export class AdjustmentsDto {
  @ApiPropertyOptional({ description: 'more (or fewer) arrivals, in percent: 20 = +20 %', example: 20 }) @IsOptional() @IsNumber({}, { message: 'adjustments.arrivalsPercent must be a number, e.g. 20 for +20 %' }) @Min(-100, { message: 'adjustments.arrivalsPercent is at least -100' }) @Max(1000, { message: 'adjustments.arrivalsPercent is at most 1000' }) arrivalsPercent?: number;
  @ApiPropertyOptional({ description: 'people more (or fewer) per role, e.g. {"supervisor": 1}', example: { supervisor: 1 } }) @IsOptional() @IsObject({ message: 'adjustments.staff must be an object of role → change, e.g. {"supervisor": 1}' }) staff?: Record<string, number>;
}

export class SimulationRunDto {
  @ApiProperty({ example: 'service-request' }) @IsString() @MaxLength(200) @Matches(/^[A-Za-z_][\w.-]*$/, { message: 'definitionKey must be a process id such as service-request' }) definitionKey!: string;
  @ApiPropertyOptional({ description: 'deployed versions to simulate (default: the latest)', type: [Number] }) @IsOptional() @ArrayMaxSize(5, { message: 'versions: at most 5 versions per run' }) @IsInt({ each: true, message: 'versions must be whole numbers, e.g. [2, 3]' }) @Min(1, { each: true, message: 'versions start at 1' }) versions?: number[];
  @ApiPropertyOptional({ description: 'an edited diagram, not deployed: checked like a deploy, never stored as a version' }) @IsOptional() @IsString({ message: 'candidateXml must be the BPMN XML text' }) @MaxLength(2_000_000) candidateXml?: string;
  @ApiPropertyOptional({ type: HistoryWindowDto, description: 'learn the model from this history (default: the 28 days before now)' }) @IsOptional() @ValidateNested() @Type(() => HistoryWindowDto) fromHistory?: HistoryWindowDto;
  @ApiPropertyOptional({ description: 'a model as GET /api/simulations/model returns it (possibly edited), instead of fromHistory' }) @IsOptional() @IsObject({ message: 'model must be the JSON object GET /api/simulations/model returns' }) model?: Record<string, unknown>;
  @ApiPropertyOptional({ type: AdjustmentsDto }) @IsOptional() @ValidateNested() @Type(() => AdjustmentsDto) adjustments?: AdjustmentsDto;
  @ApiProperty({ minimum: 1, maximum: 62, example: 30 }) @IsInt({ message: 'days must be a whole number of days (1–62)' }) @Min(1, { message: 'days must be at least 1' }) @Max(62, { message: 'days must be at most 62' }) days!: number;
  @ApiPropertyOptional({ description: 'the random seed: the same seed gives the same results' }) @IsOptional() @IsInt({ message: 'seed must be a whole number' }) seed?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 }) @IsOptional() @IsInt({ message: 'replications must be a whole number (1–20)' }) @Min(1, { message: 'replications must be at least 1' }) @Max(20, { message: 'replications must be at most 20' }) replications?: number;
  @ApiPropertyOptional({ description: 'first simulated instant (ISO-8601; default: the end of fromHistory, else now). A period that has already happened is compared with what did (backtest).' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'start must be an ISO-8601 date-time' }) start?: string;
  @ApiPropertyOptional({ description: 'false: the engine runs every command instead of replaying identical situations (slower; same results)' }) @IsOptional() @IsBoolean() replay?: boolean;
}

export interface SimulationRow {
  id: string;
  definition_key: string;
  request: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  results: Record<string, unknown> | null;
  created_by: string;
  created_at: Date;
  ended_at: Date | null;
  owner: string;
}

export function mapSimulation(row: SimulationRow) {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    ...(row.error && { error: row.error }),
    request: row.request,
    ...(row.results && { results: row.results }),
    createdBy: row.created_by,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}

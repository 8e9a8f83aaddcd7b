// Request and response shapes of the dispatch API (technician profiles, load, override), with the mapper from rows.
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import type { TechnicianRow } from '../technician.repository';

export class TechnicianProfileDto {
  @ApiProperty({ example: ['hardware'], description: 'fault types they fix (the triage faultType values)' }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(100, { each: true }) skills!: string[];
  @ApiProperty({ example: ['Shanghai'], description: 'regions they cover (the request region, any case)' }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(100, { each: true }) regions!: string[];
  @ApiProperty({ example: 'service-desk', description: 'a business calendar of processes/sla.json, or 24x7' }) @IsString() @IsNotEmpty() @MaxLength(100) calendar!: string;
  @ApiProperty({ example: 3, description: 'open requests they carry at most' }) @IsInt() @Min(0) @Max(1000) capacity!: number;
}

export class OverrideDispatchDto {
  @ApiProperty({ description: 'username of an active technician' }) @IsString() @IsNotEmpty() @MaxLength(200) technician!: string;
  @ApiProperty({ description: 'why the supervisor overrides the choice (audited)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

export function mapTechnician(t: TechnicianRow, onDuty: boolean | null) {
  return {
    username: t.username,
    displayName: t.displayName,
    profile: t.capacity === null ? null : { skills: t.skills ?? [], regions: t.regions ?? [], calendar: t.calendar, capacity: t.capacity },
    openWork: t.openWork,
    onDuty,
  };
}

// Request and response shapes of the groups API, with the mapper from rows.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { GroupRow } from '../group.repository';

export const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const GROUP_ID_MESSAGE = 'id must be 1–63 characters: letters, digits, ".", "_" or "-" (the name diagrams use in camunda:candidateGroups)';

export class CreateGroupDto {
  @ApiProperty({ example: 'management', description: 'the name diagrams use in camunda:candidateGroups' }) @IsString() @Matches(GROUP_ID, { message: GROUP_ID_MESSAGE }) id!: string;
  @ApiPropertyOptional({ example: 'Management' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
}

export class GroupDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'a built-in role: every user holding the role is a member' }) builtIn!: boolean;
  @ApiProperty({ type: [String], description: 'usernames added to the group (role holders are not listed)' }) members!: string[];
  @ApiProperty() createdAt!: Date;
}

export function mapGroup(g: GroupRow): GroupDto {
  return { id: g.id, name: g.name, builtIn: g.builtIn, members: g.members, createdAt: g.createdAt };
}

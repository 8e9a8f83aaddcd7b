// Names that mean people: lists who may be named for a role, and refuses a name that is not an active holder of it.
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { FormField } from '../engine/definition-model';
import type { PeopleQueryDto } from './dto/people.dto';
import { PeopleRepository } from './people.repository';

@Injectable()
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  list(query: PeopleQueryDto) {
    return this.people.withRole(query.role, query.search ?? null, query.limit ?? 200);
  }

  /** Throws Invalid unless `username` is an active user holding `role` (by role or group membership). */
  async requireHolder(username: string, role: string, field = 'assignee'): Promise<void> {
    if (!(await this.people.holds(username, role))) {
      throw new DomainError(ErrorCode.Invalid, `${field}: "${username}" is not an active user with the role ${role}`, [{ field, message: `"${username}" is not an active ${role}` }]);
    }
  }

  /** Checks every person field of a form (FormField.person = the role) that the submitted values fill. */
  async checkForm(form: FormField[], values: Record<string, unknown>): Promise<void> {
    for (const field of form) {
      const value = values[field.id];
      if (field.person && typeof value === 'string' && value !== '') await this.requireHolder(value, field.person, field.id);
    }
  }

  /** How a person is shown to someone outside (a customer): their display name, else the name as given. */
  async shownName(username: string): Promise<string> {
    return (await this.people.displayName(username)) ?? username;
  }
}

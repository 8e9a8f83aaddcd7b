// REST: the user picker behind every form field or action that names a person.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { PeopleQueryDto } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('api/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Access(Rules.readTasks)
  list(@Query() query: PeopleQueryDto) {
    return this.people.list(query);
  }
}

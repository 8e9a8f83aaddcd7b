// REST (admin): active instances whose waiting activities nothing can move.
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator';
import { Rules } from '../../auth/access-rules';
import { StuckInstancesService } from './stuck-instances.service';

@ApiTags('admin')
@Access(Rules.admin)
@Controller('api/admin/stuck-instances')
export class StuckInstancesController {
  constructor(private readonly service: StuckInstancesService) {}

  @Get()
  list() {
    return this.service.list();
  }
}

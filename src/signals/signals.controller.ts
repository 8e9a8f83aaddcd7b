// REST: integrators broadcast a named signal to every waiting instance (Camunda's POST /signal shape).
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { SignalDto } from './dto/signal.dto';
import { SignalsService } from './signals.service';
import { Audited } from '../audit/audited.decorator';

@ApiTags('signals')
@Controller('api/signals')
export class SignalsController {
  constructor(private readonly service: SignalsService) {}

  @Post()
  @Access(Rules.correlateMessage)
  @HttpCode(204)
  @Audited('signal.broadcast')
  broadcast(@Body() dto: SignalDto) {
    return this.service.broadcast(dto);
  }
}

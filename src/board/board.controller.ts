// REST: the supervisor board's memory: recent alerts, acknowledging them, the next escalation times.
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { IntParam } from '../common/int-param';
import { BoardService } from './board.service';

export class AlertsQueryDto {
  @IntParam({ min: 1, max: 200, default: 50 }) limit = 50;
}

export class AcknowledgeAlertsDto {
  @ApiProperty({ description: 'the id of the newest alert seen: it and every older one count as acknowledged' })
  @Matches(/^\d{1,18}$/) upTo!: string;
}

@ApiTags('board')
@Access(Rules.supervise)
@Controller('api/board')
export class BoardController {
  constructor(private readonly service: BoardService) {}

  @Get('alerts')
  alerts(@CurrentPrincipal() principal: Principal, @Query() query: AlertsQueryDto) {
    return this.service.alerts(principal, query.limit);
  }

  @Post('alerts/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentPrincipal() principal: Principal, @Body() dto: AcknowledgeAlertsDto) {
    return this.service.acknowledge(principal, dto.upTo);
  }

  @Get('next-levels')
  nextLevels() {
    return this.service.nextLevels();
  }
}

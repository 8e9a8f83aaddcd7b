// Feature: the supervisor board's server memory (recent alerts, acknowledgements, next escalation times).
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { BoardController } from './board.controller';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';

@Module({ imports: [DefinitionsModule], controllers: [BoardController], providers: [BoardRepository, BoardService] })
export class BoardModule {}

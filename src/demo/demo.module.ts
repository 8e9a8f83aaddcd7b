// Demo data: the loader's queries, the status for the banner and removal (the loader itself runs in `npm run demo`).
import { Module } from '@nestjs/common';
import { DemoController } from './demo.controller';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({ controllers: [DemoController], providers: [DemoRepository, DemoService], exports: [DemoRepository] })
export class DemoModule {}

// Readiness: every migration this build knows has been applied to the database.
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

@Injectable()
export class MigrationsHealth {
  constructor(
    private readonly db: DataSource,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const check = this.indicator.check(key);
    try {
      // showMigrations() is true while some migration is still pending.
      return (await this.db.showMigrations()) ? check.down({ pending: true }) : check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

// Builds the HTTP application around AppModule: hardening, validation, error filter, OpenAPI, body limits, static client.
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { AppModule, type AppOptions } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { freeFormTransformer } from './common/free-form';
import { quietWiring } from './common/logging/boot-quiet-logger';
import { applyTimeZone } from './config/app-config';
import { hostClient } from './web/client-hosting';
import { rejectUnstorableInput } from './web/unstorable-input';
import { harden } from './web/hardening';
import { parseBodies } from './web/body-limits';

export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  applyTimeZone(options.config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { bufferLogs: true, bodyParser: false });
  app.useLogger(quietWiring(app.get(Logger)));
  harden(app, options.config);
  parseBodies(app, options.config);
  app.use(rejectUnstorableInput(64));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false, transformerPackage: freeFormTransformer }));
  app.useGlobalFilters(new AllExceptionsFilter());
  const doc = new DocumentBuilder()
    .setTitle('ServiceFlow API')
    .setDescription('BPMN service-request and complaint-escalation processes: definitions, instances, tasks, messages')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
  hostClient(app, options.config.CLIENT_DIR || join(__dirname, '..', 'client', 'dist'));
  return app;
}

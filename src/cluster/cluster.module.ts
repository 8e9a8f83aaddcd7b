// Routing of instance commands between cluster workers: instance ownership, and the router of this worker's requests.
import { Global, Module } from '@nestjs/common';
import { InstanceRouting } from './instance-routing';
import { OwnerLookupRepository } from './owner-lookup.repository';
import { RequestRouter } from './request-router';

@Global()
@Module({ providers: [InstanceRouting, OwnerLookupRepository, RequestRouter], exports: [InstanceRouting, RequestRouter] })
export class ClusterModule {}

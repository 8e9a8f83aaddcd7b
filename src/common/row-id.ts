// Ids of the rows we insert: UUIDv7, whose first 48 bits are the creation time in milliseconds.
//
// Random (v4) keys put each insert on a random leaf page of every b-tree over the key (primary keys, and the
// `instance_id` indexes of tasks, timers, history, SLA clocks, …). With many rows that is a different page per
// insert; after each checkpoint the first change to a page writes the whole 8 kB page to the WAL, so a command
// writes more WAL and touches more cache the bigger the tables grow. Time-ordered keys land on the few right-most
// pages instead, as a sequence would, while staying unique across replicas without a round trip.
// They reveal when a row was created, which the API shows anyway; secrets (survey links, API keys, tokens) are
// made from random bytes elsewhere, never from these ids.
import { v7 } from 'uuid';

export function newRowId(): string {
  return v7();
}

/** How a write names one row of an instance-scoped table: its instance and its id (the primary key; README "Ready to shard"). */
export interface RowKey {
  instanceId: string;
  id: string;
}

/** The update criteria of one row: instance_id AND id, never whatever else the object passed in carries. */
export function rowWhere(row: RowKey): RowKey {
  return { instanceId: row.instanceId, id: row.id };
}

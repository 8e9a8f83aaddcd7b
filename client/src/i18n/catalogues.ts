// Every feature's message catalogue; a feature adds its own file under messages/ and one line here.
import type { Catalogue } from './define';
import auth from './messages/auth';
import common from './messages/common';
import modeler from './messages/modeler';
import modelerImport from './messages/modeler-import';
import tasks from './messages/tasks';
import board from './messages/board';
import instances from './messages/instances';
import surveys from './messages/surveys';
import kpis from './messages/kpis';
import statusPage from './messages/status-page';
import dispatch from './messages/dispatch';
import requestNotes from './messages/request-notes';
import forms from './messages/forms';
import tasklist from './messages/tasklist';
import boardMemory from './messages/board-memory';
import admin from './messages/admin';
import incidents from './messages/incidents';
import instanceSearch from './messages/instance-search';
import demo from './messages/demo';
import migration from './messages/migration';
import simulation from './messages/simulation';

export const catalogues: Catalogue[] = [auth, common, modeler, modelerImport, tasks, board, instances, surveys, kpis, statusPage, dispatch, requestNotes, forms, tasklist, boardMemory, admin, incidents, instanceSearch, demo, migration, simulation];

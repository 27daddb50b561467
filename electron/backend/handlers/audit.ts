import { listAudit } from '../db/repos/audit';
import { defineHandlers } from './types';

export const auditHandlers = defineHandlers({
  'audit.list': (options, { session }) => session.read((tx) => listAudit(tx, options)),
});

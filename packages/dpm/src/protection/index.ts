/** The protection cmdlets: disk storage, data sources, protection groups, recovery points, restores, jobs, the scheduler. */
import { addDpmDisk, getDpmDisk } from './disk-cmdlets.js';
import { getDpmDatasource, getDpmProductionServer } from './datasource-cmdlets.js';
import { getDpmModifiableProtectionGroup, getDpmProtectionGroup, newDpmProtectionGroup, setDpmProtectionGroup } from './group-cmdlets.js';
import { getDpmJob, startDpmScheduler } from './job-cmdlets.js';
import { addDpmChildDatasource, removeDpmChildDatasource, setDpmPolicyObjective, setDpmProtectionType } from './policy-cmdlets.js';
import { getDpmRecoveryPoint, newDpmRecoveryPoint, testDpmRecoveryPoint } from './recovery-point-cmdlets.js';
import { getDpmRecoverableItem, newDpmRecoveryOption, restoreDpmRecoverableItem } from './restore-cmdlets.js';

export { registerProtectionViews } from './views.js';

/** The protection cmdlets, in the order Get-Command lists them by noun. */
export const protectionCmdlets = [
  addDpmDisk,
  getDpmDisk,
  getDpmProductionServer,
  getDpmDatasource,
  newDpmProtectionGroup,
  getDpmProtectionGroup,
  getDpmModifiableProtectionGroup,
  addDpmChildDatasource,
  removeDpmChildDatasource,
  setDpmProtectionType,
  setDpmPolicyObjective,
  setDpmProtectionGroup,
  newDpmRecoveryPoint,
  getDpmRecoveryPoint,
  testDpmRecoveryPoint,
  newDpmRecoveryOption,
  getDpmRecoverableItem,
  restoreDpmRecoverableItem,
  getDpmJob,
  startDpmScheduler,
] as const;

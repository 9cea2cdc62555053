/** What every Az.RecoveryServices cmdlet's help says about where it runs. */
export const MODULE_NOTE = 'This is the dpmsh implementation of the Az.RecoveryServices cmdlet, over the dpmsh vault service.';

import type { ProxyInput, ThrottlingSchedule } from '@dpmsh/core';
import { NO_THROTTLING } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, isSwitchOn, type PSObject } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { secretText } from '../input/secrets.js';
import { scheduleFrom } from '../input/throttling.js';
import { stagedChanges } from '../objects/subscription-setting.js';
import { THROTTLED_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** The parameters of Set-DPMCloudSubscriptionSetting. */
export interface SetSubscriptionParameters {
  SubscriptionSetting: PSObject;
  DPMServerName?: string;
  Commit?: boolean;
  EncryptionPassphrase?: unknown;
  NoProxy?: boolean;
  ProxyServer?: string;
  ProxyPort?: number;
  ProxyUsername?: string;
  ProxyPassword?: unknown;
  NoThrottle?: boolean;
  WorkDay?: unknown[];
  WorkHourStartTime?: unknown;
  WorkHourEndTime?: unknown;
  WorkHourBandwidth?: number;
  NonWorkHourBandwidth?: number;
  StagingAreaPath?: string;
}

/** Set-DPMCloudSubscriptionSetting. */
export const setDpmCloudSubscriptionSetting = defineCmdlet<SetSubscriptionParameters>({
  name: 'Set-DPMCloudSubscriptionSetting',
  parameters: [
    { name: 'SubscriptionSetting', type: 'psobject', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The object from Get-DPMCloudSubscriptionSetting to stage changes on.' },
    { name: 'DPMServerName', type: 'string', sets: { [all]: {} }, description: 'This server (accepted for compatibility).' },
    { name: 'Commit', type: 'switch', sets: { [all]: {} }, description: 'Applies every staged change at once.' },
    { name: 'EncryptionPassphrase', type: 'object', sets: { [all]: {} }, description: 'The encryption passphrase: at least 16 printable ASCII characters.' },
    { name: 'NoProxy', type: 'switch', sets: { [all]: {} }, description: 'Connects directly.' },
    { name: 'ProxyServer', type: 'string', sets: { [all]: {} }, description: 'The proxy server.' },
    { name: 'ProxyPort', type: 'int', sets: { [all]: {} }, description: 'The proxy port.' },
    { name: 'ProxyUsername', type: 'string', sets: { [all]: {} }, description: 'The proxy user name.' },
    { name: 'ProxyPassword', type: 'object', sets: { [all]: {} }, description: 'The proxy password.' },
    { name: 'NoThrottle', type: 'switch', sets: { [all]: {} }, description: 'Turns throttling off.' },
    { name: 'WorkDay', type: 'string[]', sets: { [all]: {} }, description: 'Work days for throttling.' },
    { name: 'WorkHourStartTime', type: 'timespan', sets: { [all]: {} }, description: 'Start of work hours.' },
    { name: 'WorkHourEndTime', type: 'timespan', sets: { [all]: {} }, description: 'End of work hours.' },
    { name: 'WorkHourBandwidth', type: 'long', sets: { [all]: {} }, description: 'Bits per second during work hours.' },
    { name: 'NonWorkHourBandwidth', type: 'long', sets: { [all]: {} }, description: 'Bits per second outside work hours.' },
    { name: 'StagingAreaPath', type: 'string', sets: { [all]: {} }, description: 'The staging area (scratch location).' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: 'Stages, then commits, cloud subscription settings of the DPM server.',
    description: 'Each call stages changes on the settings object; -Commit applies them all at once (or none, if any is refused).',
    examples: [
      {
        title: 'Stage and commit',
        code: '$s = Get-DPMCloudSubscriptionSetting\nSet-DPMCloudSubscriptionSetting -SubscriptionSetting $s -NoThrottle\nSet-DPMCloudSubscriptionSetting -SubscriptionSetting $s -Commit\n(Get-ThrottlingSetting).Enabled',
        setup: THROTTLED_SETUP,
        output: 'False',
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const changes = stagedChanges.get(p.SubscriptionSetting);
    if (!changes) {
      return ctx.throwTerminating(
        errorRecord('The subscription setting was not produced by Get-DPMCloudSubscriptionSetting in this session. Get it again and stage the changes on it.', 'UnknownSubscriptionSetting', 'InvalidArgument', { targetObject: p.SubscriptionSetting }),
      );
    }
    if (p.EncryptionPassphrase !== undefined) changes.passphrase = secretText(p.EncryptionPassphrase, 'EncryptionPassphrase');
    if (isSwitchOn(p.NoProxy)) changes.proxy = null;
    if (p.ProxyServer !== undefined) {
      const proxy: ProxyInput = { server: p.ProxyServer, port: Number(p.ProxyPort), username: p.ProxyUsername, password: p.ProxyPassword === undefined ? undefined : secretText(p.ProxyPassword, 'ProxyPassword') };
      changes.proxy = proxy;
    }
    if (isSwitchOn(p.NoThrottle)) changes.throttling = NO_THROTTLING;
    if (p.WorkDay !== undefined) {
      const schedule: ThrottlingSchedule = scheduleFrom({ WorkDay: p.WorkDay, StartWorkHour: p.WorkHourStartTime, EndWorkHour: p.WorkHourEndTime, WorkHourBandwidth: p.WorkHourBandwidth, NonWorkHourBandwidth: p.NonWorkHourBandwidth });
      changes.throttling = schedule;
    }
    if (p.StagingAreaPath !== undefined) changes.scratchPath = ctx.session.resolvePath(p.StagingAreaPath);
    if (!isSwitchOn(p.Commit)) return;
    if (!(await ctx.shouldProcess('DPM cloud subscription settings', 'Commit staged settings'))) return;
    await (await serverOf(ctx)).changeSettings(changes);
    stagedChanges.set(p.SubscriptionSetting, {});
  },
});

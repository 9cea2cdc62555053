/**
 * The DPM cloud-subscription cmdlets of Microsoft's documented DPM automation:
 * Start-DPMCloudRegistration registers; Get-DPMCloudSubscriptionSetting returns the settings as
 * an object on which Set-DPMCloudSubscriptionSetting stages changes; -Commit applies them all
 * at once, and nothing is applied before.
 */
import type { ProxyInput, ThrottlingSchedule } from '@dpmsh/core';
import { NO_THROTTLING } from '@dpmsh/core';
import type { ServerSettings, SettingsChange } from '@dpmsh/server';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, PSObject, CUSTOM_OBJECT_TYPE_NAMES, isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from './connection.js';
import { DPM_TYPES, throttlingObject } from './objects.js';
import { secretText } from './secrets.js';
import { scheduleFrom } from './throttling-input.js';

const all = ALL_PARAMETER_SETS;

/** Changes staged on a subscription-setting object, kept off the object so a passphrase never shows. */
const staged = new WeakMap<PSObject, { -readonly [K in keyof SettingsChange]: SettingsChange[K] }>();

function settingObject(s: ServerSettings): PSObject {
  const o = new PSObject([DPM_TYPES.subscriptionSetting, ...CUSTOM_OBJECT_TYPE_NAMES]);
  o.addNote('Registered', s.registration !== null);
  o.addNote('VaultName', s.registration?.vaultName ?? null);
  o.addNote('StagingAreaPath', s.scratchPath);
  o.addNote('RecoveryFolder', s.recoveryFolder);
  o.addNote('ProxyServer', s.proxy?.server ?? null);
  o.addNote('ProxyPort', s.proxy?.port ?? null);
  o.addNote('Throttling', throttlingObject(s.throttling));
  o.addNote('EncryptionPassphraseSet', s.passphraseSet);
  staged.set(o, {});
  return o;
}

/** Start-DPMCloudRegistration. */
export const startDpmCloudRegistration = defineCmdlet<{ DPMServerName?: string; VaultCredentialsFilePath: string }>({
  name: 'Start-DPMCloudRegistration',
  parameters: [
    { name: 'DPMServerName', type: 'string', sets: { [all]: { position: 0 } }, description: 'This server (accepted for compatibility).' },
    { name: 'VaultCredentialsFilePath', type: 'string', aliases: ['FilePath'], sets: { [all]: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The vault credentials file.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: 'Registers the DPM server with a vault.',
    description: 'Registers the server with the vault of the credentials file. Then set the staging area and the encryption passphrase with Get-/Set-DPMCloudSubscriptionSetting and -Commit: until a passphrase is set nothing is sent to the vault.',
    examples: [{ title: 'Register', code: 'Start-DPMCloudRegistration -VaultCredentialsFilePath $file.FilePath' }],
  },
  async process(ctx) {
    const path = ctx.session.resolvePath(ctx.params.VaultCredentialsFilePath);
    if (!(await ctx.shouldProcess(path, 'Register DPM server with vault'))) return;
    await (await serverOf(ctx)).register({ credentialsPath: path });
  },
});

/** Get-DPMCloudSubscriptionSetting. */
export const getDpmCloudSubscriptionSetting = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMCloudSubscriptionSetting',
  parameters: [{ name: 'DPMServerName', type: 'string', sets: { [all]: { position: 0 } }, description: 'This server (accepted for compatibility).' }],
  outputType: [DPM_TYPES.subscriptionSetting],
  help: {
    synopsis: 'Gets the cloud subscription settings of the DPM server.',
    description: 'Gets the staging area, proxy, throttling and passphrase state as an object; changes made to it with Set-DPMCloudSubscriptionSetting apply only with -Commit.',
    examples: [{ title: 'Show the staging area', code: '(Get-DPMCloudSubscriptionSetting).StagingAreaPath' }],
  },
  async process(ctx) {
    await ctx.write(settingObject((await serverOf(ctx)).settings()));
  },
});

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
        code: '$s = Get-DPMCloudSubscriptionSetting\nSet-DPMCloudSubscriptionSetting -SubscriptionSetting $s -NoThrottle\nSet-DPMCloudSubscriptionSetting -SubscriptionSetting $s -Commit',
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const changes = staged.get(p.SubscriptionSetting);
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
    staged.set(p.SubscriptionSetting, {});
  },
});

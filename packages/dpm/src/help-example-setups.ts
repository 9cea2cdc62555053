/**
 * The unseen setup scripts of the DPM cmdlets' help examples: each example runs in a fresh shell
 * with its own dpmsh home ($HOME), so it first makes the vault, the registration or the protected
 * folder it works on. Help never shows them.
 */

/** A vault named contoso-vault. */
export const VAULT_SETUP = "New-BackupVault -Name 'contoso-vault' -Location 'westus' | Out-Null";

/** contoso-vault, with its credentials downloaded to $HOME and their file in $file. */
export const CREDENTIALS_SETUP = [VAULT_SETUP, "$file = Get-BackupVault contoso-vault | Get-VaultCredential -Path $HOME"].join('\n');

/** This server registered with contoso-vault, with a passphrase, a recovery folder and a scratch location. */
export const REGISTERED_SETUP = [
  CREDENTIALS_SETUP,
  "Register-DPMServer -VaultCredentials $file.FilePath -EncryptionPassphrase 'correct horse battery staple' -RecoveryFolder $HOME/recovery -ScratchPath $HOME/scratch | Out-Null",
].join('\n');

/** Office-hours throttling: 512 Kbps on work days from 9:00 to 18:00, 2 Mbps otherwise. */
export const THROTTLED_SETUP = [
  REGISTERED_SETUP,
  "Set-ThrottlingSetting -WorkDay Mo,Tu,We,Th,Fr -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 512KB -NonWorkHourBandwidth 2MB | Out-Null",
].join('\n');

/** A registered server with a folder to protect ($HOME/data: two small files, one in docs/) and an empty $HOME/disk1. */
export const DATA_SETUP = [
  REGISTERED_SETUP,
  'New-Item -ItemType Directory -Path $HOME/disk1, $HOME/data/docs | Out-Null',
  "Set-Content -Path $HOME/data/readme.txt -Value 'hello'",
  "Set-Content -Path $HOME/data/docs/notes.txt -Value 'notes'",
].join('\n');

/** The data folder, with $HOME/disk1 added as disk storage. */
export const DISK_SETUP = [DATA_SETUP, 'Add-DPMDisk -Path $HOME/disk1 | Out-Null'].join('\n');

/** A new, unsaved protection group 'Files' in $pg, with disk storage ready. */
export const NEW_GROUP_SETUP = [DISK_SETUP, "$pg = New-DPMProtectionGroup -Name 'Files'"].join('\n');

/** The data folder protected on disk and online by the saved group 'Files'. */
export const PROTECTED_SETUP = [
  NEW_GROUP_SETUP,
  'Add-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource (Get-DPMDatasource -Path $HOME/data) -Online',
  'Set-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online',
  'Set-DPMPolicyObjective -ProtectionGroup $pg -RetentionRangeDays 10 -SynchronizationFrequencyMinutes 60',
  'Set-DPMProtectionGroup -ProtectionGroup $pg',
].join('\n');

/** The protected folder with one recovery point on disk. */
export const RECOVERY_POINT_SETUP = [PROTECTED_SETUP, 'Get-DPMDatasource | New-DPMRecoveryPoint -Disk | Out-Null'].join('\n');

/** A Recovery Services vault named testvault in $vault. */
export const AZ_VAULT_SETUP = '$vault = New-AzRecoveryServicesVault -Name "testvault" -ResourceGroupName "test-rg" -Location "West US"';

/** testvault, with its vault credentials downloaded to $HOME and their file in $file. */
export const AZ_CREDENTIALS_SETUP = [AZ_VAULT_SETUP, '$file = Get-AzRecoveryServicesVaultSettingsFile -Backup -Vault $vault -Path $HOME'].join('\n');

/** This server registered with testvault through the MARS agent's cmdlet, without a passphrase yet. */
export const MARS_REGISTERED_SETUP = [AZ_CREDENTIALS_SETUP, 'Start-OBRegistration -VaultCredentials $file.FilePath -Confirm:$false | Out-Null'].join('\n');

/**
 * The mount table (/proc/self/mounts) and which of its mounts are volumes worth protecting:
 * real file systems with data, not the kernel's pseudo file systems or memory-backed ones.
 */

/** One line of the mount table. */
export interface Mount {
  readonly device: string;
  readonly mountPoint: string;
  readonly fsType: string;
}

// Kernel interfaces, memory-backed and read-only image file systems: nothing there is data an
// administrator would restore. tmpfs is among them because its content does not survive a reboot.
const PSEUDO_FILE_SYSTEMS = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devpts', 'devtmpfs', 'efivarfs',
  'fusectl', 'fuse.gvfsd-fuse', 'fuse.lxcfs', 'fuse.portal', 'hugetlbfs', 'mqueue', 'nfsd', 'nsfs', 'proc', 'pstore',
  'ramfs', 'rootfs', 'rpc_pipefs', 'securityfs', 'selinuxfs', 'squashfs', 'sysfs', 'tmpfs', 'tracefs',
]);

// Mounts under these hold the kernel's and devices' views even when their type looks real (bind mounts).
const SYSTEM_TREES = ['/proc', '/sys', '/dev', '/run'];

/** Decodes the octal escapes the kernel writes for spaces, tabs, newlines and backslashes. */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** The mounts of a mount-table text; a later mount on the same point hides an earlier one. */
export function parseMounts(text: string): Mount[] {
  const byPoint = new Map<string, Mount>();
  for (const line of text.split('\n')) {
    const [device, mountPoint, fsType] = line.trim().split(/\s+/);
    if (device === undefined || mountPoint === undefined || fsType === undefined || device === '') continue;
    const mount = { device: unescape(device), mountPoint: unescape(mountPoint), fsType };
    byPoint.delete(mount.mountPoint);
    byPoint.set(mount.mountPoint, mount);
  }
  return [...byPoint.values()];
}

/** True when a mount is a volume with data to protect. An overlay counts only as the root (a container's own file system). */
export function isDataVolume(mount: Mount): boolean {
  if (mount.fsType === 'overlay') return mount.mountPoint === '/';
  if (PSEUDO_FILE_SYSTEMS.has(mount.fsType)) return false;
  return !SYSTEM_TREES.some((tree) => mount.mountPoint === tree || mount.mountPoint.startsWith(`${tree}/`));
}

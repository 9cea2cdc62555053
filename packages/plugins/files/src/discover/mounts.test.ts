import { describe, expect, it } from 'vitest';
import { isDataVolume, parseMounts } from './mounts.js';

const table = [
  'overlay / overlay rw,relatime,lowerdir=/l,upperdir=/u,workdir=/w 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0',
  'devpts /dev/pts devpts rw,nosuid,noexec,relatime 0 0',
  'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0',
  'cgroup2 /sys/fs/cgroup cgroup2 ro,nosuid 0 0',
  '/dev/sda1 /etc/hosts ext4 rw,relatime 0 0',
  '/dev/sdb1 /srv/My\\040Data xfs rw,relatime 0 0',
  '/dev/sdc1 /proc/driver ext4 rw 0 0',
  'overlay /var/lib/docker/overlay2/x/merged overlay rw 0 0',
  '/dev/sdd1 /mnt/old ext4 rw 0 0',
  '/dev/sde1 /mnt/old btrfs rw 0 0',
  '',
].join('\n');

describe('the mount table', () => {
  it('decodes escaped names, and a later mount hides an earlier one on the same point', () => {
    const mounts = parseMounts(table);
    expect(mounts.find((mount) => mount.device === '/dev/sdb1')?.mountPoint).toBe('/srv/My Data');
    expect(mounts.filter((mount) => mount.mountPoint === '/mnt/old')).toEqual([{ device: '/dev/sde1', mountPoint: '/mnt/old', fsType: 'btrfs' }]);
  });

  it('keeps data volumes and the overlay root, not pseudo file systems or system trees', () => {
    expect(parseMounts(table).filter(isDataVolume).map((mount) => mount.mountPoint)).toEqual(['/', '/etc/hosts', '/srv/My Data', '/mnt/old']);
  });
});

// The process crash.test.ts kills: opens the server of a dpmsh home, says 'ready', runs one
// operation and says 'done'. It runs the built server (dist/) with the files plugin, so a kill
// lands in the same code a dpmsh process runs; the workspace's `npm test` builds before it tests.
//   crash-child.mjs <home> backup-disk <source>
//   crash-child.mjs <home> backup-online <source>
//   crash-child.mjs <home> restore <recovery point id> <target folder>
import { ProtectionServer } from '../../dist/index.js';

const [home, operation, subject, target] = process.argv.slice(2);
const server = await ProtectionServer.open({ home });
try {
  process.stdout.write('ready\n');
  const fail = (message) => {
    throw new Error(message);
  };
  if (operation === 'backup-disk' || operation === 'backup-online') {
    const { datasourceId } = await server.datasources.resolve(subject);
    const warnings = [];
    await server.backupNow(datasourceId, { location: operation === 'backup-disk' ? 'Disk' : 'Online', warn: (w) => warnings.push(w) });
    if (warnings.length > 0) fail(`warnings: ${warnings.join('; ')}`);
  } else if (operation === 'restore') {
    await server.restore(subject, { options: { target: { alternatePath: target }, overwrite: 'overwrite' } });
  } else {
    fail(`no operation '${operation}'`);
  }
  process.stdout.write('done\n');
} finally {
  await server.close();
}

/** @dpmsh/plugin-files: the files workload plugin of dpmsh (folders and volumes). */
import { filesPlugin } from './plugin.js';

export { filesPlugin };
export default filesPlugin;

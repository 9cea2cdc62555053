/** Switch parameters as the binder gives them (a SwitchParameter, present or not). */
import { PSSwitch } from '@dpmsh/runtime';

/** True when a switch parameter was given and not set to $false (`-Force:$false`). */
export function isOn(value: PSSwitch | boolean | undefined): boolean {
  return value instanceof PSSwitch ? value.isPresent : value === true;
}

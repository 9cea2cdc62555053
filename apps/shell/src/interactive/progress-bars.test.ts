import type { ProgressRecord } from '@dpmsh/runtime';
import { describe, expect, it } from 'vitest';
import { ProgressBars, progressLine } from './progress-bars.js';
import { Screen } from './test-support/screen.js';

function record(activity: string, percentComplete: number, more: Partial<ProgressRecord> = {}): ProgressRecord {
  return { activityId: 0, activity, status: 'Processing', percentComplete, secondsRemaining: -1, completed: false, ...more };
}

function terminal(columns = 60): { screen: Screen; bars: ProgressBars; write: (text: string) => void } {
  const screen = new Screen(columns, 10);
  // A terminal in cooked mode: a line feed also returns the carriage.
  const bars = new ProgressBars({ write: (text: string) => screen.write(text.replace(/\r?\n/g, '\r\n')), columns });
  const write = (text: string): void => {
    bars.hide();
    screen.write(text.replace(/\n/g, '\r\n'));
    bars.written(text);
  };
  return { screen, bars, write };
}

describe('progress bars', () => {
  it('fills the bar to PercentComplete and keeps the line narrower than the terminal', () => {
    expect(progressLine(record('Copying', 40), 40)).toBe(`Copying [${'o'.repeat(7)}${' '.repeat(11)}] Processing`);
    expect(progressLine(record('Copying', 100), 60)).toBe(`Copying [${'o'.repeat(38)}] Processing`);
    expect(progressLine(record('Copying', -1), 60)).toBe('Copying Processing');
    expect(progressLine(record('A very long activity name indeed', 50, { status: 'and a long status too' }), 40)).toHaveLength(39);
  });

  it('redraws in place, stays under the output written meanwhile and is erased when completed', () => {
    const { screen, bars, write } = terminal();
    write('first\n');
    bars.update(record('Copying', 20));
    bars.update(record('Copying', 60));
    expect(screen.text()).toBe(`first\n${progressLine(record('Copying', 60), 60)}`);
    write('second\n');
    expect(screen.text()).toBe(`first\nsecond\n${progressLine(record('Copying', 60), 60)}`);
    bars.update(record('Copying', 60, { completed: true }));
    expect(screen.text()).toBe('first\nsecond');
    write('third\n');
    expect(screen.text()).toBe('first\nsecond\nthird');
  });

  it('draws one line per activity and erases them all when the command ends', () => {
    const { screen, bars, write } = terminal();
    bars.update(record('Outer', 50));
    bars.update(record('Inner', 10, { activityId: 1, parentActivityId: 0 }));
    expect(screen.text()).toBe(`${progressLine(record('Outer', 50), 60)}\n${progressLine(record('Inner', 10), 60)}`);
    bars.clear();
    expect(screen.text()).toBe('');
    write('done\n');
    expect(screen.text()).toBe('done');
  });

  it('waits for a line to end before drawing under it', () => {
    const { screen, bars, write } = terminal();
    write('partial');
    bars.update(record('Copying', 50));
    expect(screen.text()).toBe('partial');
    write(' line\n');
    expect(screen.text()).toBe(`partial line\n${progressLine(record('Copying', 50), 60)}`);
  });
});

import { registerCommands, type Command } from '../../commands/registry.ts';

/** Run commands, shared by the run controls, the keyboard and the tests. */
export const RUN_COMMANDS: readonly Command[] = [
  {
    id: 'run-toggle',
    label: 'Run / pause',
    shortcut: 'Mod+Enter',
    hint: 'Run the simulation, or pause it while it runs',
    perform: (s) => (s.getState().run.status === 'running' ? s.getState().pauseRun() : void s.getState().startRun()),
    enabled: (s) => s.run.status !== 'loading',
  },
  {
    id: 'run-step',
    label: 'Step 1 s',
    shortcut: 'Mod+.',
    hint: 'Advance one simulated second, then pause',
    perform: (s) => void s.getState().stepRun(1),
    enabled: (s) => s.run.status !== 'running' && s.run.status !== 'loading',
  },
  {
    id: 'run-reset',
    label: 'Reset run',
    shortcut: 'Mod+Shift+Enter',
    hint: 'Back to 0 s with the current architecture',
    perform: (s) => void s.getState().resetRun(),
  },
];

registerCommands(RUN_COMMANDS);

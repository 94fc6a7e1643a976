import { registerCommand } from '../../commands/registry.ts';

registerCommand({
  id: 'toggle-presenter',
  label: 'Presenter mode',
  shortcut: 'P',
  hint: 'Large type and big charts for a projector; Esc leaves',
  perform: (s) => s.getState().setPresenting(!s.getState().presenting),
});

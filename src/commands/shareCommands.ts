import { browserEnv } from '../store/bootstrap.ts';
import { copyShareLink } from '../store/shareLinks.ts';
import { registerCommands } from './registry.ts';

/** Sharing: the whole scenario as a link (the address bar always holds the same link, kept current). */
registerCommands([
  {
    id: 'copy-link',
    label: 'Copy link',
    hint: 'A link that opens this scenario, seed and speed in any browser',
    perform: (s) => void copyShareLink(s, browserEnv().bar, navigator.clipboard),
    enabled: (s) => s.doc.nodes.length > 0,
  },
]);

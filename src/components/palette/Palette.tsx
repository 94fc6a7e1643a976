import { memo } from 'react';
import { addNodeAtCenter } from '../../commands/editorCommands.ts';
import type { ServiceKind } from '../../sim/core/serviceKind.ts';
import { SERVICE_KINDS } from '../../sim/services/registry.ts';
import { appStore } from '../../store/index.ts';
import { PALETTE_MIME } from '../canvas/dragData.ts';
import { ServiceIcon } from '../common/ServiceIcon.tsx';

const CATEGORY_ORDER: ServiceKind['category'][] = ['Traffic', 'API', 'Compute', 'Messaging', 'Storage', 'Orchestration'];

/** Groups the registered kinds by category, in palette order (the registry's order within a category). */
function paletteGroups(kinds: readonly ServiceKind[]): [ServiceKind['category'], ServiceKind[]][] {
  return CATEGORY_ORDER.map((c) => [c, kinds.filter((k) => k.category === c)] as [ServiceKind['category'], ServiceKind[]]).filter(
    ([, list]) => list.length > 0,
  );
}

/** Services to drag onto the canvas, or click to add at the centre of the view. Generated from the registry. */
export const Palette = memo(function Palette() {
  const groups = paletteGroups(SERVICE_KINDS);
  return (
    <nav aria-label="Services" className="flex h-full flex-col gap-4 overflow-y-auto p-3" data-testid="palette">
      {groups.map(([category, kinds]) => (
        <section key={category}>
          <h2 className="mb-1.5 px-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{category}</h2>
          <ul className="flex flex-col gap-1">
            {kinds.map((k) => (
              <li key={k.type}>
                <button
                  type="button"
                  draggable
                  data-testid={`palette-item-${k.type}`}
                  title={`${k.description}\nDrag onto the canvas, or click to add.`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PALETTE_MIME, k.type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => addNodeAtCenter(appStore, k.type)}
                  className="flex w-full cursor-grab items-center gap-2.5 rounded-lg border border-transparent px-2 py-1.5 text-left text-sm font-medium text-slate-700 hover:border-slate-200 hover:bg-white hover:shadow-sm active:cursor-grabbing dark:text-slate-200 dark:hover:border-slate-700 dark:hover:bg-slate-800"
                >
                  <ServiceIcon type={k.type} size={28} />
                  <span className="leading-tight">{k.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 && <p className="px-1 text-sm text-slate-500">No services registered.</p>}
    </nav>
  );
});

import type { FileBridge } from '../../commands/files.ts';

/** Download and file-picker implementation of the commands' FileBridge. */
export const browserFiles: FileBridge = {
  save(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  pick() {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.onchange = () => {
        resolve(input.files?.[0] ?? null);
      };
      input.oncancel = () => resolve(null);
      input.click();
    });
  },
};

import type { FileBridge } from '../../commands/files.ts';

function download(fileName: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.click();
}

/** Download and file-picker implementation of the commands' FileBridge. */
export const browserFiles: FileBridge = {
  save(fileName, text, mimeType = 'application/json') {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    download(fileName, url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  saveDataUrl(fileName, dataUrl) {
    download(fileName, dataUrl);
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

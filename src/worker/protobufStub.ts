/**
 * Stands in for `protobufjs/minimal` in the browser build (vite.config.ts alias). @datadog/sketches-js
 * requires it only inside DDSketch.toProto/fromProto, which the engine never calls; the package is not
 * installed, and the bundler must still resolve the require. Any use fails loudly.
 */
const unavailable = (): never => {
  throw new Error('protobufjs is not bundled: DDSketch protobuf serialisation is not available in the browser');
};
export const Reader = { create: unavailable };
export const Writer = { create: unavailable };
export const util = { Long: null };
export const roots: Record<string, unknown> = {};
export default { Reader, Writer, util, roots };

import { defaultCodec, InflatedTooLarge, type DeflateCodec } from './deflate.ts';
import { describe, isPlainObject } from './paths.ts';
import { restoreScenario } from './restore.ts';
import type { ScenarioDoc } from './types.ts';
import { TRAFFIC_SCALE_MAX, TRAFFIC_SCALE_MIN } from '../sim/core/trafficScale.ts';

/**
 * Share links carry the whole scenario in the URL fragment (never sent to a server) as
 * `#s=1.<base64url(deflate-raw(JSON))>`. The JSON is `{ doc, speed?, traffic?, selected? }`: the document
 * (with its seed) plus how the sharer was watching it (traffic: the run's traffic multiplier, when not 1). The `1.` is the envelope version, so a future encoding can
 * change without breaking old links.
 */
export const SHARE_PARAM = 's';
export const ENVELOPE_VERSION = 1;
/** Longer fragments are refused before decoding (a 500-node document compresses to well under this). */
export const MAX_LINK_CHARS = 2_000_000;
/** The decompressed JSON may not exceed this (the scenario validator's own limits are smaller still). */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export interface SharePayload {
  doc: unknown;
  /** Simulated seconds per wall second; "max" for as fast as possible. */
  speed?: number | 'max';
  /** The run's traffic multiplier (TRAFFIC_SCALE_MIN..MAX); absent means 1, the scenario as written. */
  traffic?: number;
  /** The selected node's id. */
  selected?: string;
}

export type DecodedLink = { ok: true; payload: SharePayload; ignored: string[] } | { ok: false; message: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns null when `text` is not base64url. */
export function base64UrlToBytes(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The fragment's parameters (`#embed&s=1.abc` -> embed, s). Keys and values are taken as written. */
export function fragmentParams(hash: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    params.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
  }
  return params;
}

/** The `s=...` value for a payload (without the `#`). */
export async function encodeShare(payload: SharePayload, codec: DeflateCodec = defaultCodec()): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return `${SHARE_PARAM}=${ENVELOPE_VERSION}.${bytesToBase64Url(await codec.deflate(bytes))}`;
}

/**
 * Decodes the value of the `s` parameter. Never throws; a refusal says what is wrong with the link in words
 * a person who pasted it can act on. The document itself is not checked here: it goes through
 * restoreScenario like any other.
 */
export async function decodeShare(value: string, codec: DeflateCodec = defaultCodec()): Promise<DecodedLink> {
  try {
    return await decode(value, codec);
  } catch (e) {
    return { ok: false, message: `the link could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function decode(value: string, codec: DeflateCodec): Promise<DecodedLink> {
  if (value.length > MAX_LINK_CHARS)
    return { ok: false, message: `the link is ${value.length.toLocaleString('en-US')} characters long; at most ${MAX_LINK_CHARS.toLocaleString('en-US')} are read` };
  const dot = value.indexOf('.');
  const version = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d{1,6}$/.test(version))
    return { ok: false, message: 'the link has no version (it should look like #s=1.…); it may have been cut or edited' };
  if (Number(version) !== ENVELOPE_VERSION)
    return {
      ok: false,
      message:
        Number(version) > ENVELOPE_VERSION
          ? `the link was made by a newer playground (link format ${version}; this one reads format ${ENVELOPE_VERSION}); update the page`
          : `the link format ${version} is not one this playground ever made`,
    };
  const data = value.slice(dot + 1);
  if (data === '') return { ok: false, message: 'the link holds no data after "s=1." (it was cut short)' };
  const bytes = base64UrlToBytes(data);
  if (!bytes) {
    const bad = data.search(/[^A-Za-z0-9_-]/);
    return {
      ok: false,
      message: bad >= 0
        ? `the link is damaged: character ${bad + 1} of its data (${JSON.stringify(data[bad])}) is not allowed in a share link`
        : 'the link is damaged: its data has an impossible length (a character is missing or extra)',
    };
  }
  let inflated: Uint8Array;
  try {
    inflated = await codec.inflate(bytes, MAX_INFLATED_BYTES);
  } catch (e) {
    if (e instanceof InflatedTooLarge) return { ok: false, message: `the link is refused: ${e.message}` };
    return { ok: false, message: 'the link is damaged: its compressed data is not valid (was it cut short or changed when pasted?)' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, message: 'the link is damaged: its data is not valid UTF-8 text' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `the link is damaged: its data is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isPlainObject(json) || !('doc' in json))
    return { ok: false, message: `the link holds ${describe(json)}, not a shared scenario {"doc": …}` };
  return readPayload(json);
}

function readPayload(json: Record<string, unknown>): DecodedLink {
  const ignored: string[] = [];
  const payload: SharePayload = { doc: json.doc };
  const speed = json.speed;
  if (speed === 'max' || (typeof speed === 'number' && Number.isFinite(speed) && speed > 0 && speed <= 1e6)) payload.speed = speed;
  else if (speed !== undefined) ignored.push(`the speed ${describe(speed)} (not a positive number or "max")`);
  const traffic = json.traffic;
  if (typeof traffic === 'number' && traffic >= TRAFFIC_SCALE_MIN && traffic <= TRAFFIC_SCALE_MAX) payload.traffic = traffic;
  else if (traffic !== undefined) ignored.push(`the traffic multiplier ${describe(traffic)} (not a number ${TRAFFIC_SCALE_MIN}..${TRAFFIC_SCALE_MAX})`);
  const selected = json.selected;
  if (typeof selected === 'string' && selected.length <= 64) payload.selected = selected;
  else if (selected !== undefined) ignored.push(`the selected node ${describe(selected)} (not a node id)`);
  return { ok: true, payload, ignored };
}

export type OpenedLink =
  | { ok: true; doc: ScenarioDoc; changes: string[]; speed?: number | 'max'; traffic?: number; selected?: string }
  | { ok: false; message: string };

/**
 * A share link's `s` value to a document ready for the editor: decoded, then through the one restore path
 * (strict: a link that does not validate is refused, never half-opened). What was ignored or repaired is in
 * `changes`.
 */
export async function openShareValue(value: string, codec?: DeflateCodec): Promise<OpenedLink> {
  const decoded = await decodeShare(value, codec);
  if (!decoded.ok) return decoded;
  const restored = restoreScenario({ value: decoded.payload.doc });
  if (!restored.ok) return { ok: false, message: `the scenario in the link is not valid: ${restored.message}` };
  const changes = [...restored.changes, ...decoded.ignored.map((what) => `ignored ${what}`)];
  const { speed, traffic, selected } = decoded.payload;
  const known = selected !== undefined && restored.doc.nodes.some((n) => n.id === selected);
  if (selected !== undefined && !known) changes.push(`ignored the selected node "${selected}" (no such node)`);
  return { ok: true, doc: restored.doc, changes, speed, ...(traffic !== undefined ? { traffic } : {}), ...(known ? { selected } : {}) };
}

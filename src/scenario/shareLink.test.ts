import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../sim/core/random.ts';
import { fflateCodec, platformCodec } from './deflate.ts';
import { restoreScenario } from './restore.ts';
import { bytesToBase64Url, decodeShare, encodeShare, fragmentParams, MAX_INFLATED_BYTES, openShareValue } from './shareLink.ts';
import { twelveNodeScenario } from './testing/twelveNodes.ts';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const example = (f: string) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as Record<string, unknown>;

/** The link's length as a person pastes it: origin, path and fragment. */
const ORIGIN = 'https://serverless-playground.example/';
const linkFor = async (doc: unknown) => `${ORIGIN}#${await encodeShare({ doc, speed: 20, selected: 'x' })}`;

describe('share links', () => {
  it('carry every example exactly, with speed and selected node', async () => {
    for (const file of exampleFiles) {
      const doc = restoreScenario({ value: example(file) });
      if (!doc.ok) throw new Error(`${file}: ${doc.message}`);
      const selected = doc.doc.nodes[0].id;
      const value = await encodeShare({ doc: doc.doc, speed: 'max', selected });
      const opened = await openShareValue(value.slice(2));
      expect(opened, file).toEqual({ ok: true, doc: doc.doc, changes: [], speed: 'max', selected });
    }
  });

  it('have the lengths README.md states for every example', async () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- link-lengths:start -->'), readme.indexOf('<!-- link-lengths:end -->'));
    const stated = new Map([...table.matchAll(/^\| (\S+\.json) \| (\d+) \| ([\d,]+) \|$/gm)].map((m) => [m[1], `${m[2]} nodes, ${m[3]}`]));
    const actual = new Map<string, string>();
    for (const file of exampleFiles) {
      const r = restoreScenario({ value: example(file) });
      if (!r.ok) throw new Error(file);
      const fragment = `#${await encodeShare({ doc: r.doc, speed: 'max', selected: r.doc.nodes[0].id })}`;
      actual.set(file, `${r.doc.nodes.length} nodes, ${fragment.length.toLocaleString('en-US')}`);
    }
    expect(stated).toEqual(actual);
  });

  it('fit a 12-node scenario in 2,000 characters', async () => {
    const doc = twelveNodeScenario();
    expect(`#${await encodeShare({ doc, speed: 'max', selected: doc.nodes[0].id })}`).toHaveLength(1217); // as README.md says
    const link = await linkFor(doc);
    expect(link.length).toBeLessThan(2000);
  });

  it('decode alike with the platform stream and the fflate fallback, both ways', async () => {
    const doc = twelveNodeScenario();
    for (const [enc, dec] of [[platformCodec, fflateCodec], [fflateCodec, platformCodec]] as const) {
      const value = await encodeShare({ doc }, enc);
      const r = await decodeShare(value.slice(2), dec);
      expect(r).toEqual({ ok: true, payload: { doc }, ignored: [] });
    }
  });

  it('read the s parameter among others in the fragment', () => {
    expect(fragmentParams('#embed&s=1.abc')).toEqual(new Map([['embed', ''], ['s', '1.abc']]));
    expect(fragmentParams('')).toEqual(new Map());
  });

  it('refuse damaged, truncated, foreign and future links with a message saying what is wrong', async () => {
    const good = (await encodeShare({ doc: twelveNodeScenario() })).slice(2);
    const cases: [string, RegExp][] = [
      ['', /no version/],
      ['abc', /no version/],
      ['2.abc', /newer playground \(link format 2/],
      ['0.abc', /format 0 is not one/],
      ['1.', /holds no data/],
      ['1.ab$cd', /character 3 of its data \("\$"\)/],
      ['1.a', /impossible length/],
      [good.slice(0, good.length - 40), /compressed data is not valid/],
      [good.slice(0, 2) + 'AAAA' + good.slice(6), /damaged/],
    ];
    for (const [value, message] of cases) {
      const r = await openShareValue(value);
      expect(r.ok, value).toBe(false);
      expect(!r.ok && r.message, value).toMatch(message);
    }
  });

  it('refuse a valid envelope whose scenario does not validate, naming the path', async () => {
    const doc = twelveNodeScenario();
    doc.nodes[2] = { ...doc.nodes[2], properties: { ...doc.nodes[2].properties, Timeout: 5000 } } as (typeof doc.nodes)[2];
    const r = await openShareValue((await encodeShare({ doc })).slice(2));
    expect(r).toEqual({ ok: false, message: 'the scenario in the link is not valid: nodes[2].properties.Timeout: must be 1..900 (s)' });
  });

  it('ignore a bad speed, traffic multiplier or an unknown selected node, and say so', async () => {
    const doc = twelveNodeScenario();
    const r = await openShareValue((await encodeShare({ doc, speed: -3, traffic: 1000, selected: 'Nobody' })).slice(2));
    expect(r.ok && r.changes).toEqual([
      'ignored the speed -3 (not a positive number or "max")',
      'ignored the traffic multiplier 1000 (not a number 0.1..100)',
      'ignored the selected node "Nobody" (no such node)',
    ]);
    expect(r.ok && r.speed).toBeUndefined();
    expect(r.ok && r.traffic).toBeUndefined();
    const good = await openShareValue((await encodeShare({ doc, traffic: 2.5 })).slice(2));
    expect(good.ok && good.traffic).toBe(2.5);
  });

  it('refuse a small link that would expand past the limit (a compression bomb)', async () => {
    const bomb = new TextEncoder().encode(`{"doc":"${'a'.repeat(MAX_INFLATED_BYTES + 10)}"}`);
    const value = `1.${bytesToBase64Url(await platformCodec.deflate(bomb))}`;
    expect(value.length).toBeLessThan(20_000);
    for (const codec of [platformCodec, fflateCodec]) {
      const r = await decodeShare(value, codec);
      expect(r).toEqual({ ok: false, message: 'the link is refused: it expands to more than 8,388,608 bytes' });
    }
  });

  it('never throw or take over 1 s of CPU on thousands of random and mutated links; every refusal names what is wrong', { timeout: 60_000 }, async () => {
    const rng = new Random(10, 'share-fuzz');
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rng.next() * list.length)];
    const seeds = await Promise.all(
      [twelveNodeScenario(), ...exampleFiles.map(example)].map(async (doc) => (await encodeShare({ doc, speed: 5, selected: 'Orders' })).slice(2)),
    );
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=%#&$ '];
    const mutateText = (s: string) => {
      const at = Math.floor(rng.next() * (s.length + 1));
      switch (Math.floor(rng.next() * 5)) {
        case 0: return s.slice(0, at); // cut when pasted
        case 1: return s.slice(0, at) + pick(alphabet) + s.slice(at + 1); // one character changed
        case 2: return s.slice(0, at) + s.slice(at + 1 + Math.floor(rng.next() * 8)); // characters lost
        case 3: return s.slice(0, at) + Array.from({ length: 1 + Math.floor(rng.next() * 6) }, () => pick(alphabet)).join('') + s.slice(at);
        default: return Array.from({ length: Math.floor(rng.next() * 200) }, () => pick(alphabet)).join('');
      }
    };
    const encoder = new TextEncoder();
    const randomJson = async () => {
      const payloads = ['null', '[]', '{}', '{"doc":null}', '{"doc":[]}', '{"doc":{"nodes":"x"}}', '{"doc":{"nodes":[{"id":1}]}}', '"text"', '{"doc":{}, "speed":"fast"}'];
      return `1.${bytesToBase64Url(await platformCodec.deflate(encoder.encode(pick(payloads))))}`;
    };
    let refused = 0;
    let opened = 0;
    let slowest = { ms: 0, value: '' };
    for (let i = 0; i < 3000; i++) {
      let value = i % 10 === 0 ? await randomJson() : pick(seeds);
      const mutations = i % 10 === 0 ? 0 : 1 + Math.floor(rng.next() * 3);
      for (let m = 0; m < mutations; m++) value = mutateText(value);
      // CPU time of this process (as loaderFuzz.test.ts), not wall time: a busy machine must not fail a case.
      const started = process.cpuUsage();
      const r = await openShareValue(value);
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      if (ms > slowest.ms) slowest = { ms, value };
      if (r.ok) {
        opened++;
        expect(restoreScenario({ value: r.doc }).ok).toBe(true);
      } else {
        refused++;
        expect(r.message, value).toMatch(/^the (link|scenario in the link) /);
        expect(r.message.length, value).toBeGreaterThan(25);
      }
    }
    expect(refused).toBeGreaterThan(2000);
    expect(opened).toBeGreaterThan(0);
    expect(slowest.ms, `the slowest link: ${slowest.value.slice(0, 80)}…`).toBeLessThan(1000);
  });
});

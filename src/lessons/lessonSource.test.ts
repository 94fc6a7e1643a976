import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fetchLesson, fetchLessonIndex, type FetchText } from './lessonSource.ts';

function serve(files: Record<string, unknown>, status = 200): FetchText & { urls: string[] } {
  const urls: string[] = [];
  const fn = vi.fn((url: string) => {
    urls.push(url);
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (!(name in files)) return Promise.resolve({ ok: false, status: 404, json: () => Promise.reject(new Error('not json')) });
    const body = files[name];
    return Promise.resolve({ ok: status === 200, status, json: () => (body instanceof Error ? Promise.reject(body) : Promise.resolve(body)) });
  });
  return Object.assign(fn, { urls });
}

const hotPartition: unknown = JSON.parse(readFileSync(new URL('../../public/lessons/hot-partition.json', import.meta.url), 'utf8'));

describe('fetchLesson', () => {
  it('loads and validates public/lessons/<id>.json', async () => {
    const server = serve({ 'hot-partition.json': hotPartition });
    const lesson = await fetchLesson('hot-partition', server);
    expect(lesson.title).toBe('Hot partition vs high-cardinality keys');
    expect(server.urls).toEqual(['/lessons/hot-partition.json']);
  });

  it('refuses an id that is not a lesson name before asking the server', async () => {
    const server = serve({});
    await expect(fetchLesson('../index', server)).rejects.toThrow('"../index" is not a lesson name (lower-case words joined by "-")');
    expect(server.urls).toEqual([]);
  });

  it('says there is no such lesson for a 404 or a page that is not JSON', async () => {
    await expect(fetchLesson('nope', serve({}))).rejects.toThrow('there is no lesson "nope"');
    await expect(fetchLesson('nope', serve({ 'nope.json': new Error('Unexpected token <') }))).rejects.toThrow('there is no lesson "nope"');
  });

  it('names what is damaged in a lesson file, and a file holding another lesson', async () => {
    await expect(fetchLesson('hot-partition', serve({ 'hot-partition.json': { ...(hotPartition as object), hints: [] } }))).rejects.toThrow(/^lesson "hot-partition" is damaged: hints: /);
    await expect(fetchLesson('other', serve({ 'other.json': hotPartition }))).rejects.toThrow('lesson file "other" holds the lesson "hot-partition"');
    await expect(fetchLesson('hot-partition', serve({ 'hot-partition.json': hotPartition }, 500))).rejects.toThrow('lesson "hot-partition" could not be loaded (HTTP 500)');
  });
});

describe('fetchLessonIndex', () => {
  it('loads the index, and names a damaged entry', async () => {
    const index = { lessons: [{ id: 'a', title: 'A', topic: 'T', summary: 'S' }] };
    await expect(fetchLessonIndex(serve({ 'index.json': index }))).resolves.toEqual(index);
    await expect(fetchLessonIndex(serve({ 'index.json': { lessons: [{ id: 'a' }] } }))).rejects.toThrow(/^the list of lessons is damaged: lessons\.0\.title: /);
    await expect(fetchLessonIndex(serve({}))).rejects.toThrow('the list of lessons could not be loaded (HTTP 404)');
  });
});

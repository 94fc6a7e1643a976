import type { Message } from './model.ts';

/**
 * A message with its optional parts empty (no attributes, records, key, trace; not poison): the one place a
 * Message's fields get their defaults, so adding a field to Message edits no service that only sends.
 */
export function newMessage(id = 0, createdAt = 0, sizeKB = 0): Message {
  return { id, createdAt, sizeKB, attributes: null, records: null, key: -1, poison: false, trace: null };
}

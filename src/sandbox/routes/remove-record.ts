/** Deleting one stored record: the step every simple DELETE route ends with. */

/** Clerk's DeletedObject for a removed record. */
export interface DeletedObject {
  object: string;
  id: string;
  deleted: true;
}

/** Removes `record` from `list` in place and returns Clerk's DeletedObject for it. */
export function removeRecord<T extends { id: string; object: string }>(list: T[], record: T): DeletedObject {
  list.splice(list.indexOf(record), 1);
  return { object: record.object, id: record.id, deleted: true };
}

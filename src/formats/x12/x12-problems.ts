/** A segment id safe to name in a message (ids are `[A-Z][A-Z0-9]{1,2}`; anything else may be data). */
export const segmentName = (id: string): string => (/^[A-Z][A-Z0-9]{1,2}$/.test(id) ? id : 'a segment');

/** Longest file name accepted (NAME_MAX of common file systems: ext4, APFS, NTFS). */
const MAX_NAME = 255;
export const BAD_NAME = `the file name is longer than ${MAX_NAME} characters or holds a control character: rename the file and upload it again`;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f\ufffd]/;

/** A name that can be shown, stored and written as a file; any other fails its file, not the batch. */
export const acceptableName = (name: string) => name.length <= MAX_NAME && !CONTROL.test(name);

/** A refused name as shown: control characters replaced, cut to length. */
export const shownName = (name: string) =>
  // eslint-disable-next-line no-control-regex -- see CONTROL
  name.replace(/[\u0000-\u001f\u007f]/g, '\ufffd').slice(0, 80) + (name.length > 80 ? '…' : '');

/**
 * Upload names as stored with the job: a NUL cannot go into a PostgreSQL text column, so control
 * characters become U+FFFD (the import then fails that file by name), and an overlong name is kept one
 * character too long (so it still fails as such) rather than in full.
 */
export const storedUploadName = (name: string) =>
  // eslint-disable-next-line no-control-regex -- see CONTROL
  name.replace(/[\u0000-\u001f\u007f]/g, '\ufffd').slice(0, MAX_NAME + 1);

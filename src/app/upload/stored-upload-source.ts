import type { Db } from '../../storage/database.js';
import { type StoredUpload, uploadBytes, uploadHead } from '../../storage/repositories/upload-store.js';
import { HEAD_BYTES } from '../read/export-source.js';
import type { UploadSource } from './upload-types.js';

/** An uploaded file as the import reads it: from its chunks in the database, only when its turn comes. */
export function storedUploadSource(db: Db, file: StoredUpload): UploadSource {
  return {
    name: file.name,
    sha256: file.sha256,
    size: async () => file.size,
    head: () => uploadHead(db, file.id, HEAD_BYTES),
    bytes: () => uploadBytes(db, file),
    sibling: async () => null,
  };
}

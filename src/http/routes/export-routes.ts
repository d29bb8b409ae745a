import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import {
  EXPORT_FORMATS,
  EXPORT_LISTS,
  type ExportFormat,
  type ExportList,
  exportList,
} from '../../app/exports/export-list.js';
import { type ApiRoute, route } from '../api-route.js';
import { fractionQuery } from './query-schemas.js';

const LISTS = EXPORT_LISTS.join('|');
const FORMATS = EXPORT_FORMATS.join('|');

/** `holds.csv`, `fractions.xlsx`: the list and the format in one path segment. */
const exportFile = z.object({
  file: z
    .string()
    .regex(new RegExp(`^(${LISTS})\\.(${FORMATS})$`), `expected <${LISTS}>.<${FORMATS}>`)
    .transform((f) => {
      const [list, format] = f.split('.') as [ExportList, ExportFormat];
      return { list, format };
    }),
});

export function exportRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/exports/:file',
      tag: 'exports',
      summary:
        'Download a list (holds, signatures, charges, fractions, remittances) as CSV or XLSX, with the worklist filters',
      roles: ['admin', 'coder', 'biller', 'physician'],
      params: exportFile,
      query: fractionQuery,
      responses: [
        {
          status: 200,
          description: 'the file (Content-Disposition: attachment)',
          contentTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      ],
      handle: async ({ c, actor, params, query }) => {
        const { list, format } = params.file;
        const file = await exportList(ctx, actor, list, format, query);
        return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
        });
      },
    }),
  ];
}

import type { ExportItem } from '../repository';

/** What every format is told about the export as a whole. */
export interface ExportContext {
  workspaceName: string;
  /** The origin of this Corroborate, for links back to documents and claims. */
  origin: string;
  total: number;
  generatedAt: Date;
}

/** A streamed format: its opening, each item, and its closing, written one after the other. */
export interface ExportFormat {
  contentType: string;
  extension: string;
  head(ctx: ExportContext): string;
  /** `index` counts items from 0 (separators go before every item but the first). */
  item(item: ExportItem, index: number, ctx: ExportContext): string;
  tail(ctx: ExportContext): string;
}

/** The address of a claim in this Corroborate's reader. */
export const claimUrl = (ctx: ExportContext, documentId: string, claimId: string) => `${ctx.origin}/d/${documentId}#claim-${claimId}`;
export const documentUrl = (ctx: ExportContext, documentId: string) => `${ctx.origin}/d/${documentId}`;

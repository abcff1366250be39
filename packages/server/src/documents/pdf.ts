import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/** pdfmake's own Roboto: a full TTF with the Vietnamese letters (ă â đ ê ô ơ ư and every tone), embedded as a subset. */
const fontFiles = {
  normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
  bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
  bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
};
pdfmake.setFonts({ Roboto: fontFiles });
// Documents are built from register data only: no remote images, and no local file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => Object.values(fontFiles).includes(path));

/** Where a document is issued: the village (or '' for a commune-wide one), its commune and province. */
export interface Place {
  village: string;
  commune: string;
  province: string;
}

/**
 * The national header (Quốc hiệu, Tiêu ngữ) beside the issuing commune, as on every administrative document.
 * `below` goes under each column: the document number under the commune, the place and date under the motto.
 */
export function nationalHeader(
  place: Pick<Place, 'commune' | 'province'>,
  below: { left?: Content[]; right?: Content[] } = {},
): Content {
  return {
    columns: [
      {
        width: '40%',
        stack: [
          { text: place.province.toUpperCase(), fontSize: 9 },
          { text: `UBND ${place.commune.toUpperCase()}`, bold: true, fontSize: 9 },
          ...(below.left ?? []),
        ],
        alignment: 'center',
      },
      {
        width: '60%',
        stack: [
          { text: 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 10, decoration: 'underline' },
          ...(below.right ?? []),
        ],
        alignment: 'center',
      },
    ],
    margin: [0, 0, 0, 12],
  };
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}

import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { editorSchema } from '../extensions';

/** Test fixture: a resolution-like text with a heading, brackets, marks and both kinds of list. */
export function resolutionDoc() {
  const text = (t: string, ...marks: string[]) => ({
    type: 'text',
    text: t,
    marks: marks.map((type) => ({ type })),
  });
  const para = (...content: object[]) => ({ type: 'paragraph', content });
  const item = (...content: object[]) => ({ type: 'listItem', content: [para(...content)] });
  return prosemirrorJSONToYDoc(
    editorSchema(),
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Resolution 37')] },
        para(text('The World Telecommunication Development Conference '), text('(Baku, 2025)', 'italic')),
        { type: 'heading', attrs: { level: 2 }, content: [text('resolves')] },
        {
          type: 'orderedList',
          content: [
            item(text('to instruct the '), text('Director', 'bracket'), text(' of BDT', 'bracket', 'bold')),
            item(text('to invite '), text('Member States', 'bold')),
          ],
        },
        { type: 'bulletList', content: [item(text('a note with a literal [sic] and *stars*'))] },
      ],
    },
    'default',
  );
}

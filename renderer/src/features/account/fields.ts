import { FIELDS, type FieldGroup, type FieldSpec } from '../../../../shared/catalogue/fields';
import type { InputField } from '../../../../shared/schemas/fields';

type PictureKind = 'money' | 'count' | 'text' | 'choice';

/** The Customer Picture's three groups, each gathering some of the sheet's. */
const PICTURE_GROUP: Record<FieldGroup, string> = {
  Account: 'Interactions and the customer',
  Revenue: 'Revenue and cost',
  'Cost buckets': 'Revenue and cost',
  Interactions: 'Interactions and the customer',
  Customer: 'Interactions and the customer',
  'Growth and value': 'Growth and value',
};
const GROUP_ORDER = ['Revenue and cost', 'Interactions and the customer', 'Growth and value'];
const KIND: Record<FieldSpec['kind'], PictureKind> = { money: 'money', count: 'count', quantity: 'count', rating: 'count', text: 'text', choice: 'choice' };

/** The inputs a director fills in a review, grouped for the page, with the catalogue's longer labels. */
export const PICTURE_FIELDS: { group: string; fields: { field: Exclude<InputField, 'account'>; label: string; kind: PictureKind }[] }[] = GROUP_ORDER.map((group) => ({
  group,
  fields: (FIELDS as readonly FieldSpec[])
    .filter((f) => f.name !== 'account' && PICTURE_GROUP[f.group] === group)
    .map((f) => ({ field: f.name as Exclude<InputField, 'account'>, label: f.longLabel ?? f.label, kind: KIND[f.kind] })),
}));

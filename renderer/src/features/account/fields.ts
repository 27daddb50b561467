import type { InputField } from '../../../../shared/schemas/fields';

/** The inputs a director fills in a review, grouped as the sheet groups them, with the words the page uses. */
export const PICTURE_FIELDS: { group: string; fields: { field: Exclude<InputField, 'account'>; label: string; kind: 'money' | 'count' | 'text' | 'choice' }[] }[] = [
  {
    group: 'Revenue and cost',
    fields: [
      { field: 'revenue', label: 'Revenue', kind: 'money' },
      { field: 'presale', label: 'Presale', kind: 'money' },
      { field: 'production', label: 'Production', kind: 'money' },
      { field: 'distribution', label: 'Distribution', kind: 'money' },
      { field: 'service', label: 'Post-sale service', kind: 'money' },
      { field: 'labour', label: 'Labour', kind: 'money' },
    ],
  },
  {
    group: 'Interactions and the customer',
    fields: [
      { field: 'meetings', label: 'Meetings', kind: 'count' },
      { field: 'calls', label: 'Calls', kind: 'count' },
      { field: 'csat', label: 'CSAT (1–5)', kind: 'count' },
      { field: 'nps', label: 'NPS rating (0–10)', kind: 'count' },
      { field: 'status', label: 'Status', kind: 'choice' },
      { field: 'owner', label: 'Owner', kind: 'text' },
      { field: 'segmentOverride', label: 'Pinned segment', kind: 'choice' },
    ],
  },
  {
    group: 'Growth and value',
    fields: [
      { field: 'upsell', label: 'Upsell', kind: 'money' },
      { field: 'crossSell', label: 'Cross-sell', kind: 'money' },
      { field: 'referrals', label: 'Referrals', kind: 'count' },
      { field: 'valueDelivered', label: 'Value delivered', kind: 'money' },
      { field: 'avgOrderValue', label: 'Average order value', kind: 'money' },
      { field: 'purchasesPerYear', label: 'Purchases per year', kind: 'count' },
      { field: 'lifespanYears', label: 'Lifespan (years)', kind: 'count' },
    ],
  },
];

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerWords, matchHeaders, normaliseHeader, SYNONYMS, wordMatches } from '../../../electron/backend/io/mapping';
import { parseSheet } from '../../../electron/backend/io/sheet';
import { FIELDS, HEADER_LANGUAGES, type FieldSpec, type HeaderLanguage } from '../../../shared/catalogue';
import { INPUT_FIELDS, type InputField } from '../../../shared/schemas/fields';
import { ambiguityInWords, headerRuleInWords } from '../../../shared/text/header-rule';

// Issue 24, item 7: headers in the languages consultants meet, and a known name as a whole word of a longer header.

const words = { words: true };
const match = (headers: string[], chosen: Partial<Record<InputField, string>> = {}) => matchHeaders(headers, chosen, 1, undefined, {}, words);
const style = { decimalComma: false };

describe('the catalogue gives every input field headers in five more languages', () => {
  const specs = FIELDS as readonly FieldSpec[];

  it.each(Object.keys(HEADER_LANGUAGES) as HeaderLanguage[])('%s: every field has at least two headers', (lang) => {
    for (const f of specs) expect(f.synonymsIn?.[lang]?.length ?? 0, `${f.name} in ${lang}`).toBeGreaterThanOrEqual(2);
  });

  it('no header, in any language or spelling, names two fields', () => {
    const owner = new Map<string, string>();
    for (const f of specs) {
      for (const s of [f.name, ...f.synonyms, ...Object.values(f.synonymsIn ?? {}).flat()]) {
        const key = normaliseHeader(s);
        expect(owner.get(key) ?? f.name, `"${s}"`).toBe(f.name);
        owner.set(key, f.name);
      }
    }
  });

  it('no header is a bare "Segment": an exported segment column must not pin segments when imported back', () => {
    for (const s of SYNONYMS.segmentOverride) expect(normaliseHeader(s)).not.toMatch(/^(segment|segmento)$/);
  });
});

describe('headers in each language', () => {
  const cases: [string, string[], Partial<Record<InputField, number>>][] = [
    ['German', ['Kunde', 'Verantwortlicher', 'Umsatz', 'Akquisekosten', 'Herstellkosten', 'Logistik', 'Kundendienst', 'Personalkosten', 'Termine', 'Anrufe', 'Kundenzufriedenheit', 'Weiterempfehlung', 'Kundenstatus'],
      { account: 0, owner: 1, revenue: 2, presale: 3, production: 4, distribution: 5, service: 6, labour: 7, meetings: 8, calls: 9, csat: 10, nps: 11, status: 12 }],
    ['French', ['Nom du client', 'Responsable du compte', "Chiffre d'affaires", "Coût d'acquisition", 'Coût de production', 'Livraison', 'SAV', "Main-d'œuvre", 'Réunions', 'Appels', 'Satisfaction client', 'Recommandation', 'Statut'],
      { account: 0, owner: 1, revenue: 2, presale: 3, production: 4, distribution: 5, service: 6, labour: 7, meetings: 8, calls: 9, csat: 10, nps: 11, status: 12 }],
    ['Spanish', ['Cliente', 'Gestor de cuenta', 'Ventas', 'Preventa', 'Coste de producción', 'Logística', 'Servicio posventa', 'Mano de obra', 'Reuniones', 'Llamadas', 'Satisfacción', 'Recomendación', 'Estado'],
      { account: 0, owner: 1, revenue: 2, presale: 3, production: 4, distribution: 5, service: 6, labour: 7, meetings: 8, calls: 9, csat: 10, nps: 11, status: 12 }],
    ['Italian', ['Ragione sociale', 'Referente', 'Fatturato', 'Costi di acquisizione', 'Costo del venduto', 'Spedizioni', 'Assistenza clienti', 'Costo del personale', 'Incontri', 'Chiamate', 'Soddisfazione', 'Raccomandazione', 'Stato'],
      { account: 0, owner: 1, revenue: 2, presale: 3, production: 4, distribution: 5, service: 6, labour: 7, meetings: 8, calls: 9, csat: 10, nps: 11, status: 12 }],
    ['Dutch', ['Klant', 'Accountmanager', 'Omzet', 'Acquisitiekosten', 'Kostprijs', 'Verzendkosten', 'Klantenservice', 'Personeelskosten', 'Afspraken', 'Telefoongesprekken', 'Klanttevredenheid', 'Aanbeveling', 'Klantstatus'],
      { account: 0, owner: 1, revenue: 2, presale: 3, production: 4, distribution: 5, service: 6, labour: 7, meetings: 8, calls: 9, csat: 10, nps: 11, status: 12 }],
  ];

  it.each(cases)('%s', (language, headers, columns) => {
    const m = match(headers);
    expect(m.columns).toEqual(columns);
    expect(m.problems).toEqual([]);
    expect(m.unmapped).toEqual([]);
    for (const f of Object.keys(columns) as InputField[]) {
      const rule = m.rules[f]!;
      expect(rule.kind === 'name' || (rule.kind === 'synonym' && rule.languages.map((l): string => (l === 'en' ? 'English' : HEADER_LANGUAGES[l])).includes(language)), `${f}: ${JSON.stringify(rule)}`).toBe(true);
    }
  });

  it('the growth and value fields, one language each', () => {
    const m = match(['Kunde', 'Omzet', 'Mehrverkauf', 'Ventes croisées', 'Referidos', 'Valore generato', 'Gemiddelde orderwaarde', 'Kaufhäufigkeit', 'Durée de vie', 'Festes Segment']);
    expect(m.columns).toEqual({ account: 0, revenue: 1, upsell: 2, crossSell: 3, referrals: 4, valueDelivered: 5, avgOrderValue: 6, purchasesPerYear: 7, lifespanYears: 8, segmentOverride: 9 });
  });

  it('a word two languages share says both', () => {
    expect(match(['Cliente', 'Ventas']).rules.account).toEqual({ kind: 'synonym', synonym: 'Cliente', languages: ['es', 'it'] });
    expect(match(['Client', 'Ventas']).rules.account).toEqual({ kind: 'synonym', synonym: 'Client', languages: ['en', 'fr'] });
    expect(headerRuleInWords(match(['Cliente']).rules.account!, 'account')).toBe('“Cliente” is Spanish and Italian for Account');
  });
});

describe('accents, case and spelling', () => {
  it('"Erlös" and "Chiffre d\'affaires" match however they are written', () => {
    for (const h of ['Erlös', 'ERLÖS', 'Erloes', 'erlos', 'Erlo\u0308s', "Chiffre d'affaires", 'Chiffre d’affaires', 'CHIFFRE D AFFAIRES', 'chiffre_d_affaires', 'Chiffre-d’Affaires']) {
      expect(match([h]).columns, h).toEqual({ revenue: 0 });
    }
  });

  it('German umlauts and eszett as two letters, French ligatures apart, accents dropped', () => {
    expect(match(['Kaufhaeufigkeit']).columns).toEqual({ purchasesPerYear: 0 });
    expect(match(['Umsatzerloese']).columns).toEqual({ revenue: 0 });
    expect(match(['Zustaendig']).columns).toEqual({ owner: 0 });
    expect(match(["Main d'oeuvre"]).columns).toEqual({ labour: 0 });
    expect(match(['MAIN-D’ŒUVRE']).columns).toEqual({ labour: 0 });
    expect(match(['Societe']).columns).toEqual({ account: 0 });
    expect(match(['Numero de llamadas']).columns).toEqual({ calls: 0 });
    expect(match(['Razon social']).columns).toEqual({ account: 0 });
  });
});

describe('a known name as a whole word of a longer header', () => {
  it('"Kunde / Customer", "Customer (legal name)", "Revenue 2026 (EUR)"', () => {
    let m = match(['Kunde / Customer', 'Revenue 2026 (EUR)']);
    expect(m.columns).toEqual({ account: 0, revenue: 1 });
    expect(m.rules).toEqual({ account: { kind: 'word', word: 'Kunde', languages: ['de'] }, revenue: { kind: 'word', word: 'revenue', languages: [] } });
    m = match(['Customer (legal name)', 'Umsatz (TEUR)']);
    expect(m.columns).toEqual({ account: 0, revenue: 1 });
    expect(headerRuleInWords(m.rules.account!, 'account')).toBe('its header holds the word “Customer”, another name for Account');
    expect(headerRuleInWords(m.rules.revenue!, 'revenue')).toBe('its header holds the word “Umsatz”, German for Revenue');
    expect(headerRuleInWords(match(['Revenue 2026 (EUR)']).rules.revenue!, 'revenue')).toBe("its header holds the word “Revenue”, the field's name");
  });

  it('whole words only: a name inside a word is not a match', () => {
    expect(match(['Accounts payable ref', 'Callsign', 'Nameplate']).columns).toEqual({});
    expect(headerWords("Chiffre d'affaires 2026 (k€)")).toEqual(['chiffre', 'd', 'affaires', '2026', 'k']);
  });

  it('the longest name wins inside a header: "Customer service cost" is service, "Cost of sales (EUR)" production', () => {
    expect(match(['Customer service cost', 'Cost of sales (EUR)']).columns).toEqual({ service: 0, production: 1 });
    // A run of words stops at a slash: "Umsatz / Kosten Service" is not "Umsatzkosten" (cost of sales) and service.
    expect(match(['Umsatz / Kosten Service']).ambiguous).toEqual([{ headers: ['Umsatz / Kosten Service'], fields: ['revenue', 'service'] }]);
    expect(match(['Coût de production 2026', 'Account']).rules.production).toEqual({ kind: 'word', word: 'Coût de production', languages: ['fr'] });
  });

  it('never over an exact match elsewhere, nor over a choice', () => {
    const m = match(['Revenue 2025 (EUR)', 'Account', 'Umsatz']);
    expect(m.columns).toEqual({ account: 1, revenue: 2 });
    expect(m.rules.revenue).toEqual({ kind: 'synonym', synonym: 'Umsatz', languages: ['de'] });
    expect(m.unmapped).toEqual(['Revenue 2025 (EUR)']);
    expect(m.ambiguous).toEqual([]);
    const chosen = match(['Revenue 2025 (EUR)', 'Account', 'Net (EUR)'], { revenue: 'Net (EUR)' });
    expect(chosen.columns).toEqual({ account: 1, revenue: 2 });
    expect(chosen.rules.revenue).toEqual({ kind: 'chosen' });
  });

  it('a generic word alone gives nothing: "Owner name" is the owner, not the account', () => {
    expect(match(['Owner name', 'Revenue']).columns).toEqual({ owner: 0, revenue: 1 });
  });

  it('is off unless asked for: the cost pools and interactions logs match whole headers only', () => {
    expect(matchHeaders(['Kunde / Customer', 'Revenue 2026 (EUR)'], {}).columns).toEqual({});
  });
});

describe('an ambiguous header is left for the person to map, with a message', () => {
  it('one header naming two fields', () => {
    const m = match(['Kunde / Umsatz', 'Costs']);
    expect(m.columns).toEqual({});
    expect(m.ambiguous).toEqual([{ headers: ['Kunde / Umsatz'], fields: ['account', 'revenue'] }]);
    expect(m.unmapped).toEqual(['Kunde / Umsatz', 'Costs']);
    expect(ambiguityInWords(m.ambiguous[0]!)).toBe('“Kunde / Umsatz” names Account and Revenue by the words of its header');
  });

  it('two headers naming one field', () => {
    const m = match(['Account', 'Revenue 2025', 'Revenue 2026']);
    expect(m.columns).toEqual({ account: 0 });
    expect(m.ambiguous).toEqual([{ headers: ['Revenue 2025', 'Revenue 2026'], fields: ['revenue'] }]);
    expect(ambiguityInWords(m.ambiguous[0]!)).toBe('“Revenue 2025” and “Revenue 2026” both name Revenue by a word of their header');
  });

  it('a sheet with an ambiguous header names it, and the missing field, and imports nothing', () => {
    const s = parseSheet([['Kunde', 'Umsatz / Kosten Service'], ['Acme', '100']], { map: {}, style });
    expect(s.ambiguous).toEqual([{ headers: ['Umsatz / Kosten Service'], fields: ['revenue', 'service'] }]);
    expect(s.problems.map((p) => p.rule)).toEqual(['the sheet has no revenue column (name one with --map revenue=HEADER)']);
    const chosen = parseSheet([['Kunde', 'Umsatz / Kosten Service'], ['Acme', '100']], { map: { revenue: 'Umsatz / Kosten Service' }, style });
    expect(chosen.problems).toEqual([]);
    expect(chosen.rows.map((r) => [r.account, r.revenue])).toEqual([['Acme', 100]]);
    expect(chosen.matchedBy).toEqual({ account: { kind: 'synonym', synonym: 'Kunde', languages: ['de'] }, revenue: { kind: 'chosen' } });
  });
});

describe('the rule a choice reports', () => {
  it('a choice that names the same column as the matcher would says the matcher\'s rule (the wizard sends its whole mapping back)', () => {
    const m = match(['Kunde / Customer', 'Umsatz'], { account: 'Kunde / Customer', revenue: 'Umsatz' });
    expect(m.rules).toEqual({ account: { kind: 'word', word: 'Kunde', languages: ['de'] }, revenue: { kind: 'synonym', synonym: 'Umsatz', languages: ['de'] } });
  });

  it('a choice from the last import says so', () => {
    const m = matchHeaders(['Name of firm', 'Umsatz'], { account: 'Name of firm' }, 1, undefined, { account: 'Name of firm' }, words);
    expect(m.rules.account).toEqual({ kind: 'remembered' });
    expect(headerRuleInWords(m.rules.account!, 'account')).toBe('as at the last import');
  });
});

describe('reading a whole sheet', () => {
  it('a German sheet under a title block, with headers holding units', () => {
    const s = parseSheet(
      [
        ['Kundenprofitabilität 2026'],
        [''],
        ['Kunde', 'Umsatz (EUR)', 'Vertriebskosten', 'Herstellkosten', 'Versandkosten', 'Kundendienst', 'Personalkosten', 'Termine', 'Anrufe'],
        ['Müller GmbH', '120.000', '5.000', '40.000', '3.000', '8.000', '12.000', '6', '20'],
      ],
      { map: {}, style: { decimalComma: true } },
    );
    expect(s.problems).toEqual([]);
    expect(s.rows.map((r) => [r.account, r.revenue, r.presale, r.production, r.distribution, r.service, r.labour, r.meetings, r.calls])).toEqual([['Müller GmbH', 120000, 5000, 40000, 3000, 8000, 12000, 6, 20]]);
    expect(s.matchedBy.revenue).toEqual({ kind: 'word', word: 'Umsatz', languages: ['de'] });
    expect(s.skipped[0]?.reason).toMatch(/title block/);
  });

  it("a status in the sheet's own language", () => {
    const s = parseSheet(
      [['Cliente', 'Ventas', 'Estado'], ['A', '1', 'activo'], ['B', '1', 'Nuevo'], ['C', '1', 'perdido'], ['D', '1', 'gekündigt'], ['E', '1', 'Résilié'], ['F', '1', 'opgezegd']],
      { map: {}, style },
    );
    expect(s.problems).toEqual([]);
    expect(s.rows.map((r) => r.status)).toEqual(['active', 'new', 'churned', 'churned', 'churned', 'churned']);
  });

  it('fuzzing: any header row, any choice, with words: columns inside the row, each used once, never a field both mapped and ambiguous', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 14 }),
      fc.constantFrom(...INPUT_FIELDS, 'Kunde / Customer', 'Revenue 2026', 'Umsatz', 'Kunde / Umsatz', 'Revenue (EUR)', 'Name', 'Owner name', "Chiffre d'affaires"),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), fc.dictionary(fc.constantFrom(...INPUT_FIELDS), text, { maxKeys: 3 }), (headers, chosen) => {
        const m = match(headers, chosen);
        const used = Object.values(m.columns) as number[];
        for (const index of used) expect(index >= 0 && index < headers.length).toBe(true);
        expect(new Set(used).size).toBe(used.length);
        expect(Object.keys(m.rules).sort()).toEqual(Object.keys(m.columns).sort());
        for (const a of m.ambiguous) {
          if (a.fields.length === 1) expect(m.columns[a.fields[0]!]).toBeUndefined();
          else expect(used.some((i) => headers[i] === a.headers[0])).toBe(false);
        }
        expect(new Set(wordMatches(headers.join(' ')).map((w) => w.field)).size).toBe(wordMatches(headers.join(' ')).length);
      }),
      { numRuns: 2000 },
    );
  });
});

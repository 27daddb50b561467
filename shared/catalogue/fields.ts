/**
 * Every input field of the Customer Profitability Sheet, declared once as
 * data (DOMAIN.md, "Inputs"), in the spirit of HyperFormula's
 * `implementedFunctions`. The row schema and its fast check, the SQL
 * columns, the import's header synonyms, the sheet's columns, the Customer
 * Picture, the export and the docs are all derived from this list. Adding a
 * field is one entry here and a migration that adds its column.
 */

/** What a field holds, which says how it is read, checked, stored and shown. */
export type FieldKind =
  /** Free text (names). */
  | 'text'
  /** An amount in the workbook currency, 0 or more. */
  | 'money'
  /** A whole number, 0 or more. */
  | 'count'
  /** A number of something other than money, 0 or more, decimals allowed (years, purchases a year). */
  | 'quantity'
  /** A whole number on a scale (CSAT 1-5, NPS 0-10). */
  | 'rating'
  /** One of a fixed list of words. */
  | 'choice';

/**
 * Whether a sheet must give the field: `required` (the import refuses a
 * sheet without its column), `zero` (a missing column or a blank cell
 * counts as 0), `optional` (blank stays "not given").
 */
export type Presence = 'required' | 'zero' | 'optional';

/** The languages besides English that a sheet's headers are matched in, by ISO 639-1 code, with their names in English. */
export const HEADER_LANGUAGES = { de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', nl: 'Dutch' } as const;
export type HeaderLanguage = keyof typeof HEADER_LANGUAGES;
/** A synonym's language: English or one of HEADER_LANGUAGES. */
export type SynonymLanguage = 'en' | HeaderLanguage;
export const SYNONYM_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl'] as const satisfies readonly SynonymLanguage[];
/** A language's name in English, for messages ("German"). */
export function languageName(language: SynonymLanguage): string {
  return language === 'en' ? 'English' : HEADER_LANGUAGES[language];
}

/** The sheet's groups of columns, in its order. */
export const FIELD_GROUPS = ['Account', 'Revenue', 'Cost buckets', 'Interactions', 'Customer', 'Growth and value'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface FieldSpec {
  /** The DOMAIN.md name: the JSON key, the grid's column id, the export's header. */
  readonly name: string;
  /** The words a person reads for it: the sheet's header, the Customer Picture, messages. */
  readonly label: string;
  /** Where a longer label says more (a scale, a unit): the Customer Picture, the help. */
  readonly longLabel?: string;
  readonly group: FieldGroup;
  readonly kind: FieldKind;
  readonly presence: Presence;
  /** The words of a `choice`, as stored; the value when a sheet leaves it blank comes first for status. */
  readonly choices?: readonly string[];
  /** Words a sheet may write for a choice ("won" for new, "lost" for churned). */
  readonly choiceSynonyms?: Readonly<Record<string, string>>;
  /** The value when absent, for a choice that always has one (status: active). */
  readonly defaultChoice?: string;
  /** Bounds of a rating, inclusive. */
  readonly range?: readonly [number, number];
  /** Headers people use for it besides its name, in English; case, spaces and punctuation are ignored when matching. */
  readonly synonyms: readonly string[];
  /**
   * Headers a controller heads the column with in the other languages
   * consultants meet, as written there (accents and all: matching drops
   * them, and reads "ae" for "ä" in German). Every field of the sheet gives
   * all five (tests/unit/backend/header-languages.test.ts).
   */
  readonly synonymsIn?: Readonly<Partial<Record<HeaderLanguage, readonly string[]>>>;
  /** Where it is stored: `accounts` holds what belongs to the account across periods, `period_rows` the rest. */
  readonly table: 'accounts' | 'period_rows';
  readonly column: string;
  /** One of the five cost buckets of DOMAIN.md. */
  readonly bucket?: true;
  /** A field a scenario may scale (DOMAIN.md, "Scenarios"). */
  readonly scalable?: true;
  /** The sheet's header tooltip: what to type there. */
  readonly tip?: string;
}

export const SEGMENT_NAMES = ['Protect', 'Fix', 'Develop', 'Reassess'] as const;
export const STATUS_NAMES = ['active', 'new', 'churned'] as const;

export const FIELDS = [
  {
    name: 'account', label: 'Account', group: 'Account', kind: 'text', presence: 'required',
    synonyms: ['Customer', 'Client', 'Account name', 'Customer name', 'Client name', 'Company', 'Name'],
    synonymsIn: { de: ['Kunde', 'Kunden', 'Kundenname', 'Name des Kunden', 'Firma', 'Firmenname', 'Unternehmen', 'Kundenkonto', 'Debitor'], fr: ['Client', 'Nom du client', 'Nom client', 'Compte', 'Compte client', 'Société', 'Entreprise', 'Raison sociale'], es: ['Cliente', 'Nombre del cliente', 'Nombre cliente', 'Cuenta', 'Cuenta cliente', 'Empresa', 'Razón social', 'Compañía'], it: ['Cliente', 'Nome cliente', 'Nome del cliente', 'Ragione sociale', 'Azienda', 'Società', 'Conto cliente'], nl: ['Klant', 'Klantnaam', 'Naam klant', 'Bedrijf', 'Bedrijfsnaam', 'Relatie', 'Debiteur'] },
    table: 'accounts', column: 'name',
    tip: 'The account name, unique in the workbook (case and spacing do not count).',
  },
  {
    name: 'owner', label: 'Owner', longLabel: 'Owner (key account director)', group: 'Account', kind: 'text', presence: 'optional',
    synonyms: ['Key account director', 'KAD', 'Account owner', 'Account manager', 'KAM', 'Director', 'Responsible'],
    synonymsIn: { de: ['Verantwortlich', 'Verantwortlicher', 'Kundenbetreuer', 'Betreuer', 'Key Account Manager', 'Vertriebsverantwortlicher', 'Zuständig'], fr: ['Responsable', 'Responsable du compte', 'Responsable grand compte', 'Chargé de compte', "Chargé d'affaires", 'Propriétaire', 'Commercial', 'Directeur grands comptes'], es: ['Responsable', 'Responsable de cuenta', 'Gestor de cuenta', 'Gestor', 'Propietario', 'Comercial', 'Director de cuentas clave'], it: ['Responsabile', 'Responsabile cliente', 'Referente', 'Referente commerciale', 'Gestore', 'Commerciale'], nl: ['Eigenaar', 'Verantwoordelijke', 'Accountmanager', 'Relatiebeheerder', 'Accounthouder', 'Verkoper'] },
    table: 'accounts', column: 'owner',
    tip: 'The key account director responsible for the account.',
  },
  {
    name: 'segmentOverride', label: 'Pinned segment', group: 'Account', kind: 'choice', presence: 'optional',
    choices: SEGMENT_NAMES,
    synonyms: ['Segment override', 'Pinned segment'],
    synonymsIn: { de: ['Festes Segment', 'Fixiertes Segment', 'Manuelles Segment', 'Segmentvorgabe'], fr: ['Segment forcé', 'Segment imposé', 'Segment fixé', 'Segment manuel'], es: ['Segmento fijado', 'Segmento manual', 'Segmento forzado', 'Segmento asignado'], it: ['Segmento fissato', 'Segmento manuale', 'Segmento forzato', 'Segmento assegnato'], nl: ['Vast segment', 'Handmatig segment', 'Segment vastgezet', 'Gekozen segment'] },
    table: 'accounts', column: 'segment_override',
    tip: 'Pin a segment by hand; it wins over the matrix. Empty lets the matrix decide.',
  },
  {
    name: 'revenue', label: 'Revenue', group: 'Revenue', kind: 'money', presence: 'required',
    synonyms: ['Sales', 'Turnover', 'Income', 'Revenue total', 'Net sales', 'Net revenue'],
    synonymsIn: { de: ['Umsatz', 'Umsätze', 'Umsatzerlöse', 'Erlös', 'Erlöse', 'Nettoumsatz', 'Einnahmen'], fr: ["Chiffre d'affaires", 'CA', "Chiffre d'affaires net", 'CA net', 'Ventes', 'Revenu', 'Revenus', 'Recettes'], es: ['Ventas', 'Ingresos', 'Facturación', 'Ventas netas', 'Ingresos netos', 'Cifra de negocios'], it: ['Fatturato', 'Ricavi', 'Vendite', 'Ricavi netti', 'Fatturato netto', 'Entrate'], nl: ['Omzet', 'Netto-omzet', 'Opbrengst', 'Opbrengsten', 'Verkopen', 'Inkomsten'] },
    table: 'period_rows', column: 'revenue', scalable: true,
    tip: 'Revenue from the account in the period.',
  },
  {
    name: 'presale', label: 'Presale', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Pre-sales', 'Presales', 'Presale cost', 'Acquisition cost', 'Sales cost', 'Pre-renewal cost', 'Cost to win'],
    synonymsIn: { de: ['Akquisitionskosten', 'Akquisekosten', 'Akquise', 'Kundengewinnung', 'Kundengewinnungskosten', 'Vertriebskosten', 'Angebotskosten'], fr: ["Coût d'acquisition", "Coûts d'acquisition", 'Avant-vente', 'Coût avant-vente', 'Frais commerciaux', 'Prospection', 'Coût de prospection'], es: ['Coste de adquisición', 'Costo de adquisición', 'Preventa', 'Coste de preventa', 'Costes comerciales', 'Captación', 'Coste de captación'], it: ['Costo di acquisizione', 'Costi di acquisizione', 'Prevendita', 'Costi prevendita', 'Costi commerciali', 'Acquisizione'], nl: ['Acquisitiekosten', 'Acquisitie', 'Verkoopkosten', 'Presales-kosten', 'Klantwerving', 'Wervingskosten'] },
    table: 'period_rows', column: 'presale', bucket: true, scalable: true,
    tip: 'Presale: the cost to win or renew the account.',
  },
  {
    name: 'production', label: 'Production', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Production cost', 'Cost of sales', 'Cost of goods sold', 'COGS', 'Cost of goods'],
    synonymsIn: { de: ['Produktion', 'Produktionskosten', 'Herstellkosten', 'Herstellungskosten', 'Fertigungskosten', 'Wareneinsatz', 'Umsatzkosten'], fr: ['Coût de production', 'Coûts de production', 'Coût des ventes', 'Coût des marchandises vendues', 'CMV', 'Coût de revient'], es: ['Producción', 'Coste de producción', 'Costo de producción', 'Coste de ventas', 'Costo de ventas', 'Coste de las mercancías vendidas'], it: ['Produzione', 'Costo di produzione', 'Costi di produzione', 'Costo del venduto', 'Costi del venduto'], nl: ['Productie', 'Productiekosten', 'Kostprijs', 'Kostprijs verkopen', 'Kosten van de omzet', 'Inkoopwaarde omzet'] },
    table: 'period_rows', column: 'production', bucket: true, scalable: true,
    tip: 'Production: the cost to produce what the account buys.',
  },
  {
    name: 'distribution', label: 'Distribution', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Distribution cost', 'Delivery', 'Delivery cost', 'Logistics', 'Shipping', 'Freight'],
    synonymsIn: { de: ['Distributionskosten', 'Logistik', 'Logistikkosten', 'Versand', 'Versandkosten', 'Fracht', 'Frachtkosten', 'Lieferkosten', 'Auslieferung'], fr: ['Coût de distribution', 'Coûts de distribution', 'Logistique', 'Livraison', 'Frais de livraison', 'Transport', 'Frais de transport', 'Expédition'], es: ['Distribución', 'Coste de distribución', 'Costo de distribución', 'Logística', 'Envío', 'Envíos', 'Transporte', 'Flete', 'Entrega'], it: ['Distribuzione', 'Costi di distribuzione', 'Costo di distribuzione', 'Logistica', 'Spedizione', 'Spedizioni', 'Trasporto', 'Consegna'], nl: ['Distributie', 'Distributiekosten', 'Logistiek', 'Verzending', 'Verzendkosten', 'Transportkosten', 'Levering', 'Bezorging'] },
    table: 'period_rows', column: 'distribution', bucket: true, scalable: true,
    tip: 'Distribution: the cost to deliver it.',
  },
  {
    name: 'service', label: 'Post-sale service', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Post-sale service', 'Post sale service', 'Support', 'Support cost', 'After-sales', 'After sales', 'Customer service', 'Service cost'],
    synonymsIn: { de: ['Kundendienst', 'Kundenservice', 'Servicekosten', 'Supportkosten', 'After-Sales-Service', 'Nachbetreuung'], fr: ['Service après-vente', 'SAV', 'Coût du SAV', 'Après-vente', 'Support client', 'Service client', 'Coût du service'], es: ['Servicio posventa', 'Servicio postventa', 'Posventa', 'Postventa', 'Atención al cliente', 'Servicio al cliente', 'Soporte', 'Coste de servicio', 'Costo de servicio'], it: ['Assistenza', 'Assistenza clienti', 'Assistenza post-vendita', 'Post-vendita', 'Servizio clienti', 'Costi di assistenza', 'Supporto'], nl: ['Klantenservice', 'Service na verkoop', 'Nazorg', 'Ondersteuning', 'Servicekosten', 'Supportkosten'] },
    table: 'period_rows', column: 'service', bucket: true, scalable: true,
    tip: 'Post-sale service: support and service after the sale.',
  },
  {
    name: 'labour', label: 'Labour', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Labor', 'Labour cost', 'Labor cost', 'Staff time', 'People cost', 'Staff cost', 'Account management'],
    synonymsIn: { de: ['Personalkosten', 'Personalaufwand', 'Arbeitskosten', 'Arbeitszeit', 'Betreuungsaufwand', 'Kundenbetreuung'], fr: ["Main-d'œuvre", "Coût de main-d'œuvre", 'Frais de personnel', 'Coûts de personnel', 'Charges de personnel', 'Temps passé', 'Gestion de compte'], es: ['Mano de obra', 'Coste de personal', 'Costo de personal', 'Gastos de personal', 'Costes laborales', 'Gestión de cuenta'], it: ['Manodopera', 'Costo del personale', 'Costi del personale', 'Costo del lavoro', 'Gestione cliente'], nl: ['Arbeid', 'Arbeidskosten', 'Personeelskosten', 'Loonkosten', 'Accountbeheer'] },
    table: 'period_rows', column: 'labour', bucket: true, scalable: true,
    tip: 'Labour: the time spent growing and supporting the account, revenue-producing or not.',
  },
  {
    name: 'meetings', label: 'Meetings', group: 'Interactions', kind: 'count', presence: 'zero',
    synonyms: ['Meetings held', 'Number of meetings', 'Meeting count', 'Visits'],
    synonymsIn: { de: ['Termine', 'Kundentermine', 'Besuche', 'Kundenbesuche', 'Besprechungen', 'Treffen', 'Anzahl Termine', 'Anzahl Besuche'], fr: ['Réunions', 'Rendez-vous', 'RDV', 'Visites', 'Nombre de réunions', 'Nombre de rendez-vous', 'Nombre de visites'], es: ['Reuniones', 'Visitas', 'Citas', 'Número de reuniones', 'Número de visitas'], it: ['Riunioni', 'Incontri', 'Visite', 'Appuntamenti', 'Numero di riunioni', 'Numero di incontri', 'Numero di visite'], nl: ['Afspraken', 'Vergaderingen', 'Bezoeken', 'Klantbezoeken', 'Aantal afspraken', 'Aantal bezoeken'] },
    table: 'period_rows', column: 'meetings', scalable: true,
    tip: 'Meetings with the customer in the period.',
  },
  {
    name: 'calls', label: 'Calls', group: 'Interactions', kind: 'count', presence: 'zero',
    synonyms: ['Calls made', 'Number of calls', 'Call count', 'Phone calls'],
    synonymsIn: { de: ['Anrufe', 'Telefonate', 'Telefonanrufe', 'Anzahl Anrufe', 'Anzahl Telefonate'], fr: ['Appels', 'Appels téléphoniques', "Nombre d'appels"], es: ['Llamadas', 'Llamadas telefónicas', 'Número de llamadas'], it: ['Chiamate', 'Telefonate', 'Chiamate telefoniche', 'Numero di chiamate'], nl: ['Telefoongesprekken', 'Telefoontjes', 'Gesprekken', 'Oproepen', 'Aantal gesprekken'] },
    table: 'period_rows', column: 'calls', scalable: true,
    tip: 'Calls with the customer in the period.',
  },
  {
    name: 'csat', label: 'CSAT', longLabel: 'CSAT (1–5)', group: 'Customer', kind: 'rating', presence: 'optional',
    range: [1, 5],
    synonyms: ['Satisfaction', 'CSAT score', 'Customer satisfaction', 'Satisfaction rating'],
    synonymsIn: { de: ['Zufriedenheit', 'Kundenzufriedenheit', 'Zufriedenheitsbewertung'], fr: ['Satisfaction client', 'Note de satisfaction', 'Score de satisfaction'], es: ['Satisfacción', 'Satisfacción del cliente', 'Índice de satisfacción', 'Nivel de satisfacción'], it: ['Soddisfazione', 'Soddisfazione cliente', 'Soddisfazione del cliente', 'Grado di soddisfazione'], nl: ['Tevredenheid', 'Klanttevredenheid', 'Tevredenheidsscore'] },
    table: 'period_rows', column: 'csat',
    tip: "The key contact's satisfaction, 1 to 5.",
  },
  {
    name: 'nps', label: 'NPS', longLabel: 'NPS rating (0–10)', group: 'Customer', kind: 'rating', presence: 'optional',
    range: [0, 10],
    synonyms: ['NPS score', 'Net promoter score', 'Likelihood to recommend', 'Recommend'],
    synonymsIn: { de: ['Weiterempfehlung', 'Weiterempfehlungsbereitschaft', 'Empfehlungsbereitschaft', 'NPS-Wert'], fr: ['Recommandation', 'Probabilité de recommandation', 'Note NPS', 'Score NPS'], es: ['Recomendación', 'Probabilidad de recomendación', 'Puntuación NPS', 'Índice NPS'], it: ['Raccomandazione', 'Probabilità di raccomandazione', 'Punteggio NPS', 'Indice NPS'], nl: ['Aanbeveling', 'Aanbevelingsbereidheid', 'NPS-score'] },
    table: 'period_rows', column: 'nps',
    tip: "The key contact's likelihood to recommend, 0 to 10.",
  },
  {
    name: 'status', label: 'Status', group: 'Customer', kind: 'choice', presence: 'optional',
    choices: STATUS_NAMES, defaultChoice: 'active',
    choiceSynonyms: {
      current: 'active', existing: 'active', won: 'new', churn: 'churned', lost: 'churned',
      // The words a German, French, Spanish, Italian or Dutch sheet writes (accented and not).
      aktiv: 'active', bestandskunde: 'active', neu: 'new', neukunde: 'new', gewonnen: 'new', verloren: 'churned', 'gekündigt': 'churned', gekuendigt: 'churned', abgewandert: 'churned',
      actif: 'active', nouveau: 'new', nouvelle: 'new', 'gagné': 'new', gagne: 'new', perdu: 'churned', perdue: 'churned', 'résilié': 'churned', resilie: 'churned',
      activo: 'active', activa: 'active', nuevo: 'new', nueva: 'new', ganado: 'new', perdido: 'churned', perdida: 'churned', baja: 'churned',
      attivo: 'active', attiva: 'active', nuovo: 'new', nuova: 'new', acquisito: 'new', perso: 'churned', persa: 'churned', cessato: 'churned',
      actief: 'active', nieuw: 'new', opgezegd: 'churned',
    },
    synonyms: ['Customer status', 'Account status', 'State'],
    synonymsIn: { de: ['Kundenstatus', 'Kontostatus'], fr: ['Statut', 'Statut client', 'État', 'État du compte'], es: ['Estado', 'Estado del cliente', 'Situación'], it: ['Stato', 'Stato cliente', 'Situazione'], nl: ['Klantstatus', 'Relatiestatus'] },
    table: 'period_rows', column: 'status',
    tip: 'active, new (won this period) or churned (lost this period).',
  },
  {
    name: 'upsell', label: 'Upsell', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Upsell revenue', 'Up-sell', 'Upselling'],
    synonymsIn: { de: ['Mehrverkauf', 'Upselling-Umsatz', 'Upsell-Umsatz'], fr: ['Montée en gamme', 'Vente incitative', 'Ventes incitatives'], es: ['Venta ascendente', 'Ventas ascendentes', 'Ingresos por upselling'], it: ['Vendite aggiuntive', 'Ricavi da upselling', 'Fatturato upselling'], nl: ['Meerverkoop', 'Upsell-omzet'] },
    table: 'period_rows', column: 'upsell',
    tip: 'Revenue inside revenue from selling more of the same.',
  },
  {
    name: 'crossSell', label: 'Cross-sell', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Cross sell', 'Cross-sell revenue', 'Cross selling'],
    synonymsIn: { de: ['Querverkauf', 'Kreuzverkauf', 'Zusatzverkauf', 'Cross-Selling-Umsatz'], fr: ['Vente croisée', 'Ventes croisées'], es: ['Venta cruzada', 'Ventas cruzadas', 'Ingresos por venta cruzada'], it: ['Vendita incrociata', 'Vendite incrociate', 'Vendita abbinata', 'Vendite abbinate'], nl: ['Kruisverkoop', 'Kruisverkopen', 'Cross-selling-omzet'] },
    table: 'period_rows', column: 'cross_sell',
    tip: 'Revenue inside revenue from selling other products.',
  },
  {
    name: 'referrals', label: 'Referrals', group: 'Customer', kind: 'count', presence: 'optional',
    synonyms: ['Referrals made', 'Referred customers', 'Number of referrals'],
    synonymsIn: { de: ['Empfehlungen', 'Anzahl Empfehlungen', 'Vermittelte Kunden', 'Neukunden durch Empfehlung'], fr: ['Parrainages', 'Clients recommandés', 'Nombre de recommandations', "Apports d'affaires"], es: ['Referidos', 'Referencias', 'Clientes referidos', 'Número de referidos'], it: ['Segnalazioni', 'Referenze', 'Clienti segnalati', 'Numero di segnalazioni'], nl: ['Doorverwijzingen', 'Verwijzingen', 'Aanbevolen klanten', 'Aantal doorverwijzingen'] },
    table: 'period_rows', column: 'referrals',
    tip: 'New customers this account referred in the period.',
  },
  {
    name: 'valueDelivered', label: 'Value delivered', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Value delivered', 'Customer value', 'Value to customer'],
    synonymsIn: { de: ['Kundennutzen', 'Geschaffener Wert', 'Gelieferter Wert', 'Mehrwert', 'Wertbeitrag'], fr: ['Valeur apportée', 'Valeur créée', 'Valeur client', 'Valeur livrée', 'Gain client'], es: ['Valor aportado', 'Valor entregado', 'Valor para el cliente', 'Valor generado'], it: ['Valore generato', 'Valore apportato', 'Valore per il cliente', 'Valore consegnato', 'Beneficio cliente'], nl: ['Geleverde waarde', 'Klantwaarde', 'Toegevoegde waarde', 'Waarde voor de klant'] },
    table: 'period_rows', column: 'value_delivered',
    tip: "An estimate of the value the customer gained (their bottom line).",
  },
  {
    name: 'avgOrderValue', label: 'Avg order value', longLabel: 'Average order value', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Average order value', 'AOV', 'Avg order value'],
    synonymsIn: { de: ['Durchschnittlicher Bestellwert', 'Durchschnittsbestellwert', 'Bestellwert', 'Durchschnittlicher Auftragswert', 'Auftragswert'], fr: ['Panier moyen', 'Valeur moyenne de commande', 'Valeur moyenne des commandes', 'Commande moyenne'], es: ['Valor medio del pedido', 'Valor promedio del pedido', 'Pedido medio', 'Ticket medio', 'Ticket promedio'], it: ["Valore medio dell'ordine", 'Valore medio ordine', 'Ordine medio', 'Scontrino medio'], nl: ['Gemiddelde orderwaarde', 'Gemiddelde bestelwaarde', 'Orderwaarde', 'Bestelwaarde'] },
    table: 'period_rows', column: 'avg_order_value',
    tip: 'For CLV: the average order, with purchases per year and lifespan.',
  },
  {
    name: 'purchasesPerYear', label: 'Purchases per year', group: 'Growth and value', kind: 'quantity', presence: 'optional',
    synonyms: ['Purchases per year', 'Orders per year', 'Purchase frequency'],
    synonymsIn: { de: ['Bestellungen pro Jahr', 'Käufe pro Jahr', 'Aufträge pro Jahr', 'Kaufhäufigkeit', 'Bestellhäufigkeit'], fr: ['Achats par an', 'Commandes par an', "Fréquence d'achat", 'Nombre de commandes par an'], es: ['Compras por año', 'Compras al año', 'Pedidos por año', 'Pedidos al año', 'Frecuencia de compra'], it: ["Acquisti all'anno", 'Acquisti per anno', "Ordini all'anno", 'Ordini per anno', 'Frequenza di acquisto'], nl: ['Aankopen per jaar', 'Bestellingen per jaar', 'Orders per jaar', 'Aankoopfrequentie'] },
    table: 'period_rows', column: 'purchases_per_year',
    tip: 'For CLV: how many orders a year.',
  },
  {
    name: 'lifespanYears', label: 'Lifespan (years)', group: 'Growth and value', kind: 'quantity', presence: 'optional',
    synonyms: ['Lifespan', 'Lifespan years', 'Customer lifespan', 'Expected lifespan', 'Years as customer'],
    synonymsIn: { de: ['Kundenlebensdauer', 'Lebensdauer', 'Lebensdauer (Jahre)', 'Kundenbindungsdauer', 'Jahre als Kunde'], fr: ['Durée de vie', 'Durée de vie client', 'Durée de la relation', 'Années de relation'], es: ['Vida del cliente', 'Duración de la relación', 'Años como cliente', 'Permanencia'], it: ['Durata del rapporto', 'Durata della relazione', 'Anni come cliente', 'Ciclo di vita'], nl: ['Levensduur', 'Klantlevensduur', 'Relatieduur', 'Jaren als klant'] },
    table: 'period_rows', column: 'lifespan_years',
    tip: 'For CLV: how many years the account is expected to stay (the default lifespan when blank).',
  },
] as const satisfies readonly FieldSpec[];

export type Field = (typeof FIELDS)[number];
export type InputField = Field['name'];

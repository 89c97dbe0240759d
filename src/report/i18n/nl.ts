import type { FormsAdvice } from '../../analysis/forms.js';
import type { SensitivityAdvice, TermInput } from '../../analysis/tornado.js';
import type { ContractForm } from '../../scenario/types.js';
import type { Messages } from './messages.js';
import { numberStyle } from './numbers.js';

const unit = (currency: string) => (currency ? ` (${currency})` : '');
const n = numberStyle('nl');

const FORM_KINDS: Record<ContractForm, string> = { flat: 'vast bedrag', bundle: 'strippenkaart', hourly: 'per uur', per_request: 'per wijziging' };

/** The forms advice (analysis/forms.ts, formsAdviceText's English) in Dutch. */
function formsAdvice(a: FormsAdvice, currency: string): string {
  const terms = (share: number) => `${n.percent(share, 0)} van de looptijden`;
  const money = (x: number) => n.money(Math.abs(x), currency, 0);
  if (a.kind === 'none-safe') {
    return `geen vorm draait bij zijn prijs in ${terms(a.confidence)} quitte voor u; ${a.form} komt het dichtst bij, quitte in ${terms(a.breakevenShare)}: verhoog de prijs tot de quitteprijs`;
  }
  const describe = `${a.form} (${FORM_KINDS[a.formKind]}${a.priceStated ? '' : ' tegen de quitteprijs'})`;
  if (a.kind === 'cheapest') return `${describe} kost hen het minst van de vormen die voor u quitte draaien, in ${terms(a.breakevenShare)}`;
  if (a.kind === 'plan-now-unsafe') {
    return `${a.plan}, hun huidige abonnement, draait bij zijn prijs maar in ${terms(a.planBreakevenShare)} quitte voor u; ${describe} is de goedkoopste vorm die quitte draait, in ${terms(a.breakevenShare)}, voor ${money(a.extraPerMonth)} per maand meer voor hen`;
  }
  return `${describe} kost hen ${money(a.savingPerMonth)} per maand minder dan ${a.plan}, hun huidige abonnement, en draait voor u nog steeds quitte in ${terms(a.breakevenShare)}`;
}

/** The owner's terms with their article, as the advice's sentence names them. */
const TERMS: Record<TermInput, string> = {
  hourly_rate: 'het uurtarief',
  overage_rate: 'het meerwerktarief',
  included_hours: 'het aantal inbegrepen uren',
  bundle_hours: 'de grootte van de strippenkaart',
  bundle_price: 'de prijs van de strippenkaart',
};

/** The tornado's advice (analysis/tornado.ts, adviceText's English) in Dutch. */
function sensitivityAdvice(a: SensitivityAdvice, currency: string): string {
  const money = (x: number) => n.money(x, currency);
  const change = n.percent(a.change, 0);
  const sentences: string[] = [];
  const { top, term } = a;
  if (top === null) {
    sentences.push('Geen soort verzoek verhoogt de prijs als het groeit: de prijs wordt bepaald door vaste kosten en prijzen.');
  } else {
    const share =
      top.share < -0.005
        ? `dempt de schommelingen van de nettokosten (${n.percent(top.share, 0)} van de variantie)`
        : top.share < 0.005
          ? 'draagt weinig bij aan de variantie van de nettokosten'
          : `draagt ${n.percent(top.share, 0)} van de variantie van de nettokosten`;
    const action =
      top.coverage === 'unlimited'
        ? `geef ${top.type} eerst een plafond (inbegrepen uren) of een eigen prijs`
        : top.coverage === 'capped'
          ? `${top.type} heeft al een plafond of een prijs op elk abonnement dat het dekt: kijk eerst naar het meerwerktarief of de prijs`
          : `${top.type} wordt per uur gefactureerd: kijk naar het uurtarief`;
    sentences.push(
      `${top.type} beweegt de quitteprijs het meest (${money(top.swing)} per klant per maand over ±${change} van zijn invoer) en ${share}: ${action}.`,
    );
  }
  if (a.lowering !== null) {
    sentences.push(`Meer ${a.lowering} verlaagt de prijs (wat ervoor gefactureerd wordt, levert meer op dan het kost), dus daar is geen plafond nodig.`);
  }
  if (term !== null) {
    const name = `${TERMS[term.input]}${term.plan !== null ? ` van ${term.plan}` : ''}`;
    sentences.push(`Van uw eigen voorwaarden beweegt ${name} de prijs het meest: ${money(term.feeLow)} bij −${change}, ${money(term.feeHigh)} bij +${change}.`);
  }
  return sentences.join(' ');
}

/** Nederlands, for the owner: `--lang nl`, or LANG=nl_* without the option. */
export const nl: Messages = {
  terminal: {
    header: (a) => `${a.scenario}: ${a.clients} klanten, looptijd ${a.term} maanden, ${a.trials} gesimuleerde looptijden, seed ${a.seed}`,
    atLevel: (level) => ` bij ${level}`,
    riskLoadingFairZero: 'n.v.t. (eerlijke prijs is 0)',
    riskLoadingCovered: 'n.v.t. (vaste opbrengsten dekken de verwachte kosten)',
    breakevenAt: (level) => `Quitteprijs (vast) bij ${level} zekerheid`,
    perClientMonthInterval: (a) => `${a.fee} per klant per maand  (95%-MC-interval ${a.interval})`,
    fairFee: 'Eerlijke prijs (verwachte winst nul)',
    riskLoading: 'Risico-opslag',
    poolingBenefit: 'Spreidingsvoordeel',
    poolingValue: (fee) => `${fee} per klant per maand (t.o.v. elke klant apart prijzen)`,
    hoursWorked: 'Gewerkte uren over de looptijd',
    netCost: 'Nettokosten over de looptijd',
    mean: 'gemiddeld',
    breakevenFlatFee: 'Quitteprijs vast bedrag',
    noUniformFee: (problem) => `geen: ${problem}`,
    planHeaders: [
      'abonnement',
      'vorm, prijseenheid',
      'klanten',
      'prijs nu',
      'quitteprijs',
      'eerlijk',
      'alleen',
      'uurwaarde',
      'P(betaalt > uurtarief)',
      'bij prijs nu',
    ],
    noClients: 'n.v.t. (geen klanten)',
    planLegend: [
      'quitteprijs: de eerlijke prijs van het abonnement plus zijn deel van de risicomarge van de portefeuille, naar hoeveel het bijdraagt aan de schommelingen (alle abonnementen samen draaien quitte bij het zekerheidsniveau)',
      'alleen: de quitteprijs als de klanten van het abonnement een eigen portefeuille waren',
      'uurwaarde: wat het gedekte werk van een klant gemiddeld zou kosten tegen het uurtarief, per eenheid van de prijs (min gefactureerd meerwerk)',
      'P(betaalt > uurtarief): kans dat een klant met zijn abonnement meer betaalt dan per uur, bij de quitteprijs en bij de prijs nu',
    ],
    plansBreakevenShare: (share) => `Bij deze quitteprijzen maakt de hele portefeuille geen verlies in ${share} van de gesimuleerde looptijden.`,
    plansTitle: 'Abonnementen (elke prijs in zijn eigen eenheid)',
    recurring: (a) => `Terugkerende omzet bij ${a.at}: MRR ${a.mrr}, ARR ${a.arr}, ${a.share} van alle omzet`,
    recurringAtStated: 'de opgegeven prijzen van de abonnementen',
    recurringAtBreakeven: 'de quitteprijzen',
    recurringAtMixed: 'de opgegeven prijzen waar gegeven, anders de quitteprijzen',
    currentPricesTitle: 'Uw huidige prijzen (de opgegeven prijzen uit het scenario)',
    feeTableTitle: (c) => `Prijstabel (uniform vast bedrag per klant per maand${c ? `, ${c}` : ''}; dezelfde gesimuleerde looptijden in elke rij)`,
    histogramTitle: 'Welke prijs elke gesimuleerde looptijd precies zou dekken (per klant per maand)',
    histogramMarker: (fee) => `quitte ${fee}`,
    feeTableHeaders: (v) => [
      'prijs',
      'P(verlies)',
      'verwachte winst',
      '± (95%)',
      'winst p05',
      `VaR ${v}`,
      'exp. shortfall',
      'marge/uur',
      'P(klant betaalt > uurtarief)',
    ],
    feeTableLegend: [
      'P(verlies): aandeel gesimuleerde looptijden waarin de portefeuille bij die prijs verlies maakt',
      'verwachte winst, winst p05: gemiddelde winst over de looptijd en het niveau waar één op de twintig looptijden onder blijft',
      'VaR: het verlies dat alleen in het slechtste aandeel looptijden wordt overschreden (negatief: zelfs dan winst); exp. shortfall: het gemiddelde verlies in die slechtste looptijden',
    ],
    compareHeadline: (a) =>
      `Uniforme prijs per klant per maand${a.currency ? ` (${a.currency})` : ''}; quitte bij ${a.level}: ${a.fee} (95%-MC-interval ${a.interval})`,
    lossPrecision: (a) => `P(verlies) is op hooguit ±${a.points} procentpunt bekend (95%); elke rij gebruikt dezelfde ${a.trials} gesimuleerde looptijden.`,
    priceList: (list) => `Prijslijst: ${list}`,
    priceListHeaders: [
      'abonnement',
      'klanten',
      'prijs',
      'verw. winst (looptijd)',
      '±',
      'P(abonnement verliest)',
      'uurwaarde',
      'premie klant/maand',
      'P(klant betaalt > uurtarief)',
    ],
    portfolioAtPrices: (a) =>
      `Portefeuille bij deze prijzen: P(verlies) ${a.loss}, verwachte winst ${a.profit} (± ${a.error}) over de looptijd, 5% van de looptijden onder ${a.p05}`,
    premiumLegend:
      'premie klant: wat een klant gemiddeld per maand betaalt boven de uurwaarde van zijn gedekte werk (de prijs van zekerheid); negatief: het contract is voordelig voor de klant',
    tornadoTitle: (a) =>
      `Wat de prijs bepaalt: elke invoer −${a.change} en +${a.change} verschoven (telkens dezelfde ${a.trials} gesimuleerde looptijden; basisquitteprijs ${a.base} op die looptijden)`,
    tornadoHeaders: (change) => ['soort verzoek of abonnement', 'invoer', `prijs bij −${change}`, `prijs bij +${change}`, 'uitslag'],
    sharesHeaders: ['soort verzoek', 'aandeel in variantie nettokosten'],
    sharedShocksTitle: (a) =>
      `Gedeelde schokken (drukke maanden en gebeurtenissen die veel klanten tegelijk raken)${a.level ? `, quitteprijzen${a.level}` : ''}${a.onFirst}`,
    sharedShocksOnFirst: (trials) => ` (vergeleken op de eerste ${trials} gesimuleerde looptijden)`,
    sharedShocksWith: (fee) => `  quitteprijs met schokken:       ${fee}`,
    sharedShocksWithout: (a) => `  als klanten onafhankelijk waren: ${a.fee}  (95%-MC-interval ${a.interval})`,
    sharedShocksCost: (a) => `  ze kosten ${a.cost} per klant per maand aan marge, en veranderen het spreidingsvoordeel met ${a.pooling}`,
    sharedShocksWithinError: (error) => `\n  (onder nul, maar binnen de Monte-Carlofout van ±${error}: geen meetbare kosten bij deze steekproef)`,
    sharedShocksDamp: '\n  (onder nul: bij deze steekproef dempen de schokken de staart van de nettokosten; meer trekkingen laten zien of dat standhoudt)',
    feeCurveTitle: (c) => `Prijscurve (uniforme prijs per klant per maand${c ? `, ${c}` : ''})`,
    feeCurveLoss: 'P(verlies), %',
    feeCurveProfit: (c) => `verwachte winst over de looptijd${c ? `, ${c}` : ''}`,
    feeCurveAxis: (a) => `prijs van ${a.from} (links) tot ${a.to} (rechts)`,
    precisionReached: (a) => `Precisie: het 95%-interval van de quitteprijs valt binnen ${a.achieved} (gevraagd ${a.target}) na ${a.trials} trekkingen`,
    precisionNotReached: (a) =>
      `Precisie NIET gehaald: het maximum van ${a.cap} trekkingen geeft ${a.achieved}, minder dan de gevraagde ${a.target}; verhoog --max-trials`,
    // A bundle's hours come spelled in English (priceUnit): Dutch swaps the decimal and thousands marks.
    priceUnit: (a) =>
      a.form === 'flat'
        ? 'per maand'
        : a.form === 'bundle'
          ? `per strippenkaart van ${a.hours.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.'))} uur`
          : a.form === 'hourly'
            ? 'per uur'
            : '× prijslijst',
    formKinds: FORM_KINDS,
    uptimeCredits: {
      title: 'Wat de uptimebeloften kosten (verwachte servicetegoeden)',
      line: (a) =>
        `  ${a.plan}: ${a.share} van de prijs terug als tegoed, ${a.perClientMonth} per klantmaand bij ${a.fee} (belofte ${a.promised}${a.own ? ', eigen belofte van het abonnement' : ''})`,
    },
    forms: {
      title: (a) =>
        `Welke vorm voor wie (elk segment apart, elke vorm op dezelfde gesimuleerde verzoeken; ${a.scenarioForms ? 'de vormen uit het scenario' : 'standaardkandidaten'}; quitte bij ${a.confidence})`,
      headers: [
        'vorm',
        'prijseenheid',
        'quitteprijs',
        'prijs',
        'klant betaalt/maand',
        'meerprijs',
        'P(betaalt > uurtarief)',
        'vervallen u',
        'P(verlies)',
        'winst/klantmaand',
        'terugkerend',
        'variatie omzet',
      ],
      segment: (a) =>
        `${a.segment} (${a.clients} ${a.clients === 1 ? 'klant' : 'klanten'}, nu op ${a.plan}; bedragen in ${a.currency || 'de valuta van het scenario'})`,
      advice: (sentence) => `Advies: ${sentence}`,
      unstated: '* tegen de quitteprijs (de vorm noemt zelf geen prijs)',
      legend: [
        "quitteprijs: de laagste prijs waarbij het segment alleen in het aandeel looptijden van het zekerheidsniveau geen verlies maakt, in de eenheid van de vorm; 'prijs' is de eigen prijs van de vorm als die er een noemt, anders deze",
        'klant betaalt/maand: verdiende prijs, meerwerk en werk per uur; meerprijs: dat min wat het gedekte werk tegen het uurtarief zou kosten',
        'P(verlies): het bureau verliest over de looptijd op het segment bij die prijs; variatie omzet: hoeveel de maandomzet van looptijd tot looptijd schommelt (variatiecoëfficiënt)',
      ],
    },
    backtest: {
      title: (a) => `Backtest van ${a.scenario} tegen ${a.history} (${a.trials} trekkingen per klant, seed ${a.seed})`,
      window: (a) => `periode ${a.index}: ${a.label}, ${a.clients} ${a.clients === 1 ? 'klant' : 'klanten'}`,
      windowMonths: (a) => `${a.first} t/m ${a.last}`,
      headers: ['klant', 'periode', 'vergeleken met', 'werkelijk u', 'verwacht u', 'W/V', 'PIT', '90%-interval u'],
      byName: 'op naam',
      portfolio: 'Portefeuille',
      aeLabel: 'W/V van de gedekte uren',
      aeValue: (a) => `${a.ae} (${a.actual} u werkelijk, ${a.expected} u verwacht, z = ${a.z})`,
      pitLabel: 'PIT-histogram',
      pitValue: (a) => `|${a.bars}| ${a.counts} (tienden van [0, 1]; vlak is goed)`,
      ksLabel: 'KS-toets op uniformiteit',
      ksValue: (a) => `D = ${a.d}, ${a.p}`,
      pValue: (a) => (a.below ? `p < ${a.p}` : `p = ${a.p}`),
      insideLabel: (level) => `binnen het centrale ${level}-interval`,
      insideValue: (a) => `${a.share} (${a.expected} verwacht)`,
      verdict: (sentence) => `Oordeel: ${sentence}.`,
      feeIntro: (a) =>
        `Wat had de prijs moeten zijn: de quitteprijs van het scenario is ${a.breakeven} per klantmaand bij ${a.confidence} zekerheid (eerlijke prijs ${a.fair});`,
      windowFee: (a) =>
        `  periode ${a.index} (${a.label}) had ${a.needed} per klantmaand nodig (de werkelijke nettokosten over ${a.clients} ${a.clients === 1 ? 'klant' : 'klanten'} × ${a.months} maanden); het scenario verwachtte ${a.expected} voor deze klanten`,
      legend: 'PIT: waar de werkelijke waarde viel in de verdeling van het scenario voor die klant (0,5 = de mediaan); W/V: werkelijk / verwacht.',
    },
    sla: {
      title: 'Reactietijdbeloften (reactie op de klok van het plan: kantooruren, of alle uren bij 24x7)',
      headers: ['plan', 'belofte', 'P(overschrijding)', 'P(maand met overschrijding)', 'p50', 'p90', 'p95', 'boete/klantmaand'],
      promise: (a) => `${a.hours} ${a.aroundTheClock ? '24x7' : 'kantooruren'}, prioriteit ${a.priority}`,
      people: (count) => `${count} ${count === 1 ? 'persoon' : 'mensen'}`,
      team: (a) => `Team: ${a.people} ${a.aroundTheClock ? 'de klok rond' : 'in kantooruren'}, bezetting ${a.utilisation}`,
      onCall: (a) => `Storingsdienst: ${a.people} buiten kantooruren voor 24x7-plannen, ${a.cost} per maand, bezetting ${a.utilisation}`,
      staffingTitle: 'Bezetting: dezelfde verzoeken door andere teamgroottes',
      staffingPeople: 'mensen',
      staffingUtilisation: 'bezetting',
      staffingBreach: (plan) => `${plan} P(overschrijding)`,
      staffingPenalty: (plan) => `${plan} boete/klantmaand`,
      smallestTitle: (max) => `Kleinste team dat P(overschrijding) onder ${max} houdt:`,
      smallestNone: (max) => `geen van de geprobeerde teamgroottes houdt P(overschrijding) onder ${max}`,
    },
    advice: {
      forms: formsAdvice,
      sensitivity: sensitivityAdvice,
      verdict: ({ verdict, actualToExpected: ae, z, coverage90, clientWindows }) => {
        // Whole percentages, as the English verdict rounds them.
        const pct = (share: number) => `${Math.round(share * 100)}%`;
        if (verdict.kind === 'too optimistic') {
          return `te optimistisch: het scenario verwacht ${pct(1 - 1 / ae)} minder uren dan er werden gemaakt; het rekent met te weinig verzoeken: draai calibrate opnieuw`;
        }
        if (verdict.kind === 'too pessimistic') {
          return `te pessimistisch: het scenario verwacht ${pct(1 / ae - 1)} meer uren dan er werden gemaakt; het rekent met te veel verzoeken, dus de prijzen zijn hoger dan nodig: draai calibrate opnieuw`;
        }
        if (verdict.kind === 'too narrow') {
          return `te smal: ${pct(1 - coverage90)} van de werkelijke waarden valt buiten de centrale 90%-intervallen van het scenario (10% zou moeten): klanten verschillen meer dan het scenario zegt: voeg spreiding of heterogeniteit toe, of geef de klanten die afwijken eigen frequenties`;
        }
        const few = clientWindows < 30 ? ` (met ${clientWindows} klantlooptijden vindt de toets alleen grote fouten)` : '';
        return `gekalibreerd: de totale uren liggen binnen de fout van het scenario (W/V ${n.fixed(ae, 2)}, z ${n.fixed(z, 1)}) en de werkelijke waarden vallen ongeveer zo vaak in de intervallen als ze zouden moeten${few}`;
      },
    },
    availability: {
      outageRate: (a) => `${a.rate} storingen/maand van gemiddeld ${a.hours}`,
      neverUp: 'nooit beschikbaar',
      asStated: 'zoals opgegeven',
      fromOutages: 'uit de storingen',
      heading: (a) => `Beschikbaarheid van de keten (${a.months} gesimuleerde maanden van ${a.hours} u, seed ${a.seed})`,
      exact: 'exact (keten in serie)',
      downtimePerMonth: (hours) => `storing ${hours}/maand`,
      additive: 'additieve grens',
      additiveNote: 'pessimistisch: alleen exact als storingen nooit samenvallen',
      expectedMonth: 'verwachte maand',
      expectedMonthNote: 'elke maand begint met alles in de lucht',
      simulatedMonth: 'gesimuleerde maand',
      simulatedValue: (a) => `gemiddeld ${a.mean}, p05 ${a.p05}, p50 ${a.p50}, slechtste ${a.worst}`,
      promised: (level, plan) => (plan === null ? `beloofd ${level}` : `beloofd ${level} (van ${plan})`),
      below: (value) => `P(maand eronder) ${value}`,
      downtime: 'storing per maand',
      downtimeValue: (a) => `gemiddeld ${a.mean}, p50 ${a.p50}, p90 ${a.p90}, p95 ${a.p95}, p99 ${a.p99}`,
      longest: 'langste storing',
      longestValue: (a) => `gemiddeld ${a.mean}, p95 ${a.p95}`,
      credits: 'tegoeden',
      creditsValue: (a) => `verwacht ${a.expected} van de prijs per klantmaand, p95 ${a.p95}, in ${a.months} van de maanden`,
      suppliers: 'leveranciers (per klant)',
      suppliersValue: (a) => `kosten ${a.cost}, ontvangen tegoeden ${a.credit}, netto ${a.net} per maand`,
      atFee: (fee) => `bij een prijs van ${fee}`,
      atFeeValue: (a) => `tegoeden ${a.credit} per klantmaand, na leverancierstegoeden ${a.net}`,
      promiseAtRisk: (risk) => `belofte bij ${risk} risico`,
      promiseValue: (a) => `${a.promise} (95%-interval ${a.low} tot ${a.high})`,
      promiseBudget: (share) => `belofte, tegoeden ≤ ${share} van de prijs`,
      noSchedule: 'geen tegoedregeling: voeg credits toe aan het availability-blok',
      budgetValue: (promise) => `${promise} (de tegoedregeling verschoven zodat de hoogste drempel de belofte is)`,
      outageAssumption: (a) => `gaat uit van storingen van gemiddeld ${a.assumed} (mean_outage_hours) waar alleen een beschikbaarheid is gegeven; ${a.others}`,
      outageAlternative: (a) => `${a.below} bij ${a.hours}`,
      composition: {
        structure: (a) =>
          a.mode === 'series'
            ? `${a.components} ${a.components === 1 ? 'component' : 'componenten'} in serie (alle nodig): ${a.list}`
            : a.mode === 'parallel'
              ? `${a.components} componenten parallel (één is genoeg): ${a.list}`
              : `${a.k} van ${a.components} componenten nodig: ${a.list}`,
        exact: { series: 'exact (product)', parallel: 'exact, 1 − Π(1 − a)', k_of_n: 'exact (onafhankelijk)' },
        bound: { series: 'additieve grens', parallel: 'pessimistische grens', k_of_n: 'pessimistische grens' },
        boundNote: {
          series: 'pessimistisch: alleen exact als storingen nooit samenvallen',
          parallel: 'als storingen zo veel mogelijk samenvallen',
          k_of_n: 'hoe de componenten ook van elkaar afhangen',
        },
        downtime: (a) => `storing ${a.month}/maand, ${a.year}/jaar`,
      },
    },
  },
  forms: {
    headline: (a) =>
      `${a.segments} klantsegmenten van ${a.scenario}, elk apart onder elke kandidaatvorm op dezelfde gesimuleerde verzoeken; voor ${a.changes} ervan wordt een andere vorm dan hun huidige abonnement aangeraden (quitte bij ${a.confidence}).`,
    section: (a) => `${a.segment}: ${a.clients} ${a.clients === 1 ? 'klant' : 'klanten'}, nu op ${a.plan}`,
    table: (segment) => `Vormen voor ${segment}`,
    chartTitle: 'Wat de klant per maand betaalt tegen de P(verlies) van het bureau',
    chartX: (c) => `klant betaalt per maand${unit(c)}`,
    chartY: 'P(verlies) bureau (%)',
    chartDesc: (a) =>
      `${a.forms} vormen voor ${a.segment}, elk een punt; de klant betaalt het minst onder ${a.cheapest}, het bureau verliest het minst vaak onder ${a.safest}.`,
    limitMark: (share) => `P(verlies) ${share}`,
    adviceSafe: (a) =>
      `Advies: ${a.form}. Van de vormen die voor het bureau in ${a.confidence} van de looptijden quitte draaien, kost deze de klant het minst: ${a.pays} per maand, P(verlies) ${a.loss}.`,
    adviceNone: (a) =>
      `Advies: ${a.form}. Geen vorm draait bij zijn prijs in ${a.confidence} van de looptijden quitte voor het bureau; ${a.form} komt het dichtst bij (P(verlies) ${a.loss}): verhoog de prijs tot de quitteprijs, ${a.breakeven}.`,
    unstatedPrice: (breakeven) => ` De vorm noemt geen prijs: dit is bij de quitteprijs, ${breakeven}.`,
    againstNow: (a) => ` Dat is ${a.difference} per maand ${a.less ? 'minder' : 'meer'} voor de klant dan ${a.plan}, hun huidige abonnement.`,
    segments: 'Klantsegmenten',
    adviceRow: (segment) => `Aangeraden vorm: ${segment}`,
  },
  sla: {
    headline: (a) => `Reactietijdbeloften van ${a.scenario}, een team van ${a.people} met ${a.utilisation} bezetting: ${a.plans}.`,
    planVerdict: (a) => `${a.plan} ${a.holds ? 'houdt stand' : 'houdt geen stand'} (P(overschrijding) ${a.breach} tegen ${a.max})`,
    noRequests: (plan) => `${plan} heeft geen verzoeken`,
    plansSection: 'Per plan: P(overschrijding), reactietijden, boetes',
    plansTable: 'Cijfers per plan',
    breachTitle: 'P(een verzoek overschrijdt de belofte), per plan',
    breachX: 'plan',
    breachY: 'P(overschrijding) (%), ± 2 standaardfouten',
    breachDesc: (a) => `${a.plans} plannen, elk een staaf met zijn fout; de hoogste P(overschrijding) heeft ${a.worst}.`,
    staffingSection: 'Bezetting: dezelfde verzoeken door andere teamgroottes',
    staffingTable: 'Bezettingstabel',
    staffingTitle: 'P(overschrijding) per plan tegen de teamgrootte',
    staffingX: 'teamgrootte (mensen)',
    staffingY: 'P(overschrijding) (%)',
    staffingDesc: (a) => `${a.plans} plannen, elk een lijn over ${a.sizes} teamgroottes, met de grens als stippellijn.`,
    limitMark: (share) => `grens ${share}`,
    rows: {
      maxBreach: 'Grens overschrijding (--max-breach)',
      people: 'Teamgrootte',
      utilisation: 'Bezetting',
      breach: (plan) => `P(overschrijding): ${plan}`,
      smallestTeam: (plan) => `Kleinste team onder de grens: ${plan}`,
    },
  },
  backtest: {
    verdicts: {
      calibrated: 'gekalibreerd',
      'too optimistic': 'te optimistisch (het scenario verwacht minder uren dan er werden gemaakt)',
      'too pessimistic': 'te pessimistisch (het scenario verwacht meer uren dan er werden gemaakt)',
      'too narrow': 'te smal (klanten verschillen meer dan de intervallen van het scenario zeggen)',
    },
    headline: (a) =>
      `Oordeel over ${a.history}: ${a.verdict}. Werkelijke tegen verwachte gedekte uren ${a.ae}; ${a.coverage} van ${a.clientTerms} klantlooptijden binnen het centrale 90%-interval; KS-toets van de PIT's ${a.ks}.`,
    section: 'Het scenario tegen wat er gebeurde',
    pitTitle: 'Waar elke werkelijke waarde in de verdeling van het scenario viel (PIT)',
    pitX: 'PIT: aandeel gesimuleerde looptijden onder de werkelijke waarde',
    pitY: 'klantlooptijden',
    pitDesc: (a) =>
      `PIT-histogram van ${a.clientTerms} klantlooptijden in 10 klassen (${a.counts}); een gekalibreerd scenario geeft er ongeveer ${a.uniform} in elk, de lijn.`,
    uniformMark: 'uniform',
    aeTitle: 'Werkelijke tegen verwachte gedekte uren, per klant en looptijd',
    aeX: 'verwachte gedekte uren (u)',
    aeY: 'werkelijke gedekte uren (u)',
    aeDesc: (a) => `${a.points} klantlooptijden, elk een punt, tegen de lijn werkelijk = verwacht; over alles W/V ${a.ae}.`,
    identityMark: 'werkelijk = verwacht',
    rows: {
      verdict: 'Oordeel',
      clientTerms: 'Klantlooptijden',
      actualHours: 'Werkelijke gedekte uren',
      expectedHours: 'Verwachte gedekte uren',
      actualToExpected: 'W/V van de gedekte uren',
      z: 'z van de totale uren',
      ksStatistic: "KS-statistiek D van de PIT's",
      ksPValue: "KS-p-waarde van de PIT's",
      coverage50: 'Binnen het centrale 50%-interval',
      coverage90: 'Binnen het centrale 90%-interval',
      netCostKsPValue: "KS-p-waarde van de PIT's van de nettokosten",
      breakevenFee: 'Quitteprijs van het scenario',
      fairFee: 'Eerlijke prijs van het scenario',
      neededFee: (w) => `Benodigde prijs in periode ${w}`,
      expectedFee: (w) => `Verwachte prijs in periode ${w}`,
    },
  },
  htmlLang: 'nl',
  page: {
    title: (scenario) => `fairfee-rapport: ${scenario}`,
    scenario: 'Scenario',
    seed: 'Seed',
    trials: 'Gesimuleerde looptijden',
    clients: 'Klanten',
    term: (months) => `looptijd ${months} maanden`,
    version: 'fairfee-versie',
    date: 'Datum',
    chartAlt: 'Grafiek',
    tableCaption: 'Tabel',
    footer: 'Hetzelfde scenario, dezelfde seed en versie geven dezelfde getallen. Gemaakt door fairfee; voor deze pagina is geen netwerk gebruikt.',
  },
  headline: {
    breakeven: (a) =>
      `Met ${a.confidence} zekerheid draait de portefeuille quitte bij ${a.fee} per klant per maand (95%-interval ${a.low} tot ${a.high}); de eerlijke prijs, met verwachte winst nul, is ${a.fair}.`,
    compare: (a) =>
      `${a.fees} prijzen vergeleken op dezelfde gesimuleerde looptijden; met ${a.confidence} zekerheid draait de portefeuille quitte bij ${a.fee} (95%-interval ${a.low} tot ${a.high}).`,
    sensitivity: (a) => `Elke invoer ±${a.change} verschoven: ${a.top} beweegt de quitteprijs het meest (uitslag ${a.swing}; basisprijs ${a.base}).`,
    availability: (a) =>
      `Een gesimuleerde maand is gemiddeld ${a.mean} beschikbaar; ${a.below} van de maanden blijft onder de beloofde ${a.promised}, en tegoeden kosten ${a.credit} van de prijs per klantmaand.`,
  },
  sections: {
    distribution: 'Quitteprijs',
    feeCurve: 'Prijs tegen risico en winst',
    plans: 'Abonnementen',
    currentPrices: 'Uw huidige prijzen',
    sensitivity: 'Wat de prijs bepaalt',
    availability: 'Beschikbaarheid',
  },
  charts: {
    distributionTitle: 'Welke prijs elke gesimuleerde looptijd precies zou dekken',
    distributionX: (c) => `prijs per klant per maand${unit(c)}`,
    distributionY: 'aandeel gesimuleerde looptijden (%)',
    distributionDesc: (a) =>
      `Histogram in ${a.bins} klassen van de quitteprijs per looptijd; quitteprijs ${a.fee} (95%-interval ${a.low} tot ${a.high}), eerlijke prijs ${a.fair}.`,
    breakevenMark: 'quitte',
    intervalMark: '95%-interval',
    fairMark: 'eerlijke prijs',
    lossTitle: 'Kans op verlies over de looptijd, per prijs',
    feeX: (c) => `uniforme prijs per klant per maand${unit(c)}`,
    lossY: 'P(verlies) (%)',
    lossDesc: (a) => `P(verlies) bij ${a.fees} prijzen van ${a.from} tot ${a.to}: van ${a.first} tot ${a.last}.`,
    profitTitle: 'Verwachte winst over de looptijd, per prijs',
    profitY: (c) => `winst over de looptijd${unit(c)}`,
    profitDesc: (a) => `Verwachte winst bij ${a.fees} prijzen van ${a.from} tot ${a.to}: van ${a.first} tot ${a.last}, met de 95%-band en het 5%-kwantiel.`,
    expectedProfit: 'verwachte winst',
    profitBand: '95%-band',
    profitP05: '5% van de looptijden lager',
    priceNow: (plan) => `${plan} nu`,
    plansTitle: 'Prijzen per abonnement',
    plansY: (c) => `per klant per maand${unit(c)}`,
    plansDesc: (plans) => `${plans} abonnementen naast elkaar: quitteprijs, eerlijke prijs, prijs nu en de uurwaarde van het gedekte werk.`,
    measure: 'prijs',
    breakevenPrice: 'quitte',
    fairPrice: 'eerlijk',
    priceNowBar: 'prijs nu',
    hourlyWorth: 'uurwaarde',
    currentTitle: 'Verwachte winst per abonnement bij uw huidige prijzen',
    currentY: (c) => `verwachte winst over de looptijd${unit(c)}`,
    currentDesc: (a) => `Verwachte winst van ${a.plans} abonnementen bij de prijzen van nu; de portefeuille samen ${a.total}.`,
    tornadoTitle: (change) => `Quitteprijs met elke invoer −${change} en +${change} verschoven`,
    tornadoX: (c) => `quitteprijs${unit(c)}`,
    tornadoDesc: (a) => `Tornado van ${a.rows} invoerwaarden; de breedste is ${a.top} met een uitslag van ${a.swing}.`,
    baseFee: 'basisprijs',
    sharesTitle: 'Aandeel van elk soort verzoek in de variantie van de nettokosten',
    sharesX: 'aandeel in de variantie (%)',
    sharesDesc: (a) => `${a.types} soorten verzoeken; het grootste aandeel heeft ${a.top} met ${a.share}.`,
    availabilityTitle: 'Beschikbaarheid per maand: aandeel maanden op of onder',
    availabilityX: 'beschikbaarheid in een maand (%)',
    availabilityY: 'aandeel maanden op of onder (%)',
    availabilityDesc: (a) => `Verdeling van de beschikbaarheid per maand op ${a.points} kwantielen: p05 ${a.p05}, mediaan ${a.p50}; beloofd ${a.promised}.`,
    promiseMark: (promised) => `beloofd ${promised}`,
    creditMark: (a) => `tegoed ${a.credit} onder ${a.below}`,
  },
  tables: {
    headline: 'Kern',
    levels: 'Quitteprijzen',
    plans: 'Abonnementen',
    currentPrices: 'Huidige prijzen',
    feeTable: 'Prijstabel',
    tornado: 'Tornado',
    varianceShares: 'Variantieaandelen',
    availability: 'Beschikbaarheid',
    credits: 'Tegoedtrappen',
    months: 'Maanden per kwantiel',
    trials: 'Gesimuleerde looptijden',
    fairFee: 'Eerlijke prijs, risico-opslag, spreiding',
    portfolio: 'Portefeuille bij deze prijzen',
    forms: 'Vormen',
    backtestClients: 'Per klant en looptijd',
    backtestPortfolio: 'Portefeuille',
    slaPlans: 'Plannen',
    slaStaffing: 'Bezetting',
  },
  columns: {
    level: 'niveau',
    name: 'naam',
    confidence: 'zekerheid',
    clients: 'klanten',
    fee: 'prijs',
    fee_low: 'prijs laag (95%)',
    fee_high: 'prijs hoog (95%)',
    fair_fee: 'eerlijke prijs',
    standalone_fee: 'alleen',
    overpay_probability: 'P(klant betaalt > uurtarief)',
    indifferent_fee: 'uurwaarde',
    loss_probability: 'P(verlies)',
    expected_profit: 'verwachte winst',
    expected_profit_standard_error: 'standaardfout',
    profit_p05: 'winst p05',
    value_at_risk: 'value at risk',
    expected_shortfall: 'expected shortfall',
    margin_per_hour: 'marge per uur',
    plan: 'abonnement',
    premium_per_month: 'premie klant per maand',
    request_type: 'soort verzoek',
    input: 'invoer',
    change: 'verschuiving',
    fee_low_input: 'prijs bij invoer −',
    fee_high_input: 'prijs bij invoer +',
    swing: 'uitslag',
    variance_share: 'aandeel variantie',
    quantile: 'kwantiel',
    availability: 'beschikbaarheid',
    downtime_hours: 'storing (u)',
    credit_share: 'tegoed (aandeel prijs)',
    below: 'onder',
    credit: 'tegoed',
    item: 'onderdeel',
    value: 'waarde',
    monthly_fee: 'prijs nu',
    trial: 'looptijd',
    net_cost: 'nettokosten',
    fee_weight: 'prijsgewicht (klantmaanden)',
    breakeven_fee: 'quitteprijs',
    hours: 'uren',
    covered_hours: 'gedekte uren',
    segment: 'segment',
    form: 'vorm',
    kind: 'soort',
    price_unit: 'prijseenheid',
    breakeven_price: 'quitteprijs',
    breakeven_price_low: 'quitteprijs laag (95%)',
    breakeven_price_high: 'quitteprijs hoog (95%)',
    fair_price: 'eerlijke prijs',
    evaluated_at: 'prijs',
    client_monthly_payment: 'klant betaalt per maand',
    client_premium_per_month: 'meerprijs klant per maand',
    client_overpay_probability: 'P(klant betaalt > uurtarief)',
    breakage_hours: 'vervallen (u)',
    deferred_hours: 'doorgeschoven (u)',
    agency_loss_probability: 'P(verlies)',
    agency_expected_profit_per_client_month: 'winst per klantmaand',
    recurring_share: 'terugkerend aandeel',
    revenue_cv_monthly: 'variatiecoëfficiënt omzet per maand',
    recommended: 'aangeraden',
    client: 'klant',
    window: 'periode',
    months: 'maanden',
    matched_to: 'vergeleken met',
    matched_by: 'gekoppeld op',
    tickets: 'tickets',
    actual_hours: 'werkelijke uren',
    expected_hours: 'verwachte uren',
    actual_to_expected: 'W/V',
    pit: 'PIT',
    hours_p25: 'uren p25',
    hours_p75: 'uren p75',
    hours_p05: 'uren p05',
    hours_p95: 'uren p95',
    actual_net_cost: 'werkelijke nettokosten',
    expected_net_cost: 'verwachte nettokosten',
    net_cost_pit: 'PIT nettokosten',
    people: 'mensen',
    utilisation: 'bezetting',
    breach_probability: 'P(overschrijding)',
    breach_probability_standard_error: 'standaardfout P(overschrijding)',
    expected_penalty_per_client_month: 'boete per klantmaand',
    response_hours: 'beloofde reactie (u)',
    response_hours_p50: 'reactie p50 (u)',
    response_hours_p90: 'reactie p90 (u)',
    response_hours_p95: 'reactie p95 (u)',
    client_month_breach_probability: 'P(klantmaand met overschrijding)',
  },
  inputs: {
    frequency: 'verzoeken per maand',
    effort: 'uren per verzoek',
    overrun_probability: 'kans op uitloop',
    overrun_factor: 'uitloopfactor',
    heterogeneity: 'verschil tussen klanten',
    cost_per_hour: 'kosten per uur',
    hourly_rate: 'uurtarief',
    overage_rate: 'meerwerktarief',
    included_hours: 'inbegrepen uren',
    bundle_hours: 'kaartgrootte (uren)',
    bundle_price: 'kaartprijs',
  },
  rows: {
    portfolio: 'portefeuille',
    plan: 'abonnement',
    client: 'klant',
    all: '(alle)',
    fairFee: 'Eerlijke prijs (verwachte winst nul)',
    riskLoading: 'Risico-opslag',
    poolingBenefit: 'Spreidingsvoordeel per klant per maand',
    breakevenFee: 'Quitteprijs',
    intervalLow: '95%-interval, laag',
    intervalHigh: '95%-interval, hoog',
    scenario: 'Scenario',
    seed: 'Seed',
    trials: 'Gesimuleerde looptijden',
    clients: 'Klanten',
    termMonths: 'Looptijd (maanden)',
    confidence: 'Zekerheid',
    lossProbability: 'P(verlies) bij deze prijzen',
    expectedProfit: 'Verwachte winst bij deze prijzen',
    seriesAvailability: 'Exacte beschikbaarheid van de keten',
    simulatedMean: 'Gesimuleerde maand, gemiddeld',
    simulatedP05: 'Gesimuleerde maand, p05',
    simulatedP50: 'Gesimuleerde maand, mediaan',
    promised: 'Beloofd',
    belowPromised: 'P(maand onder de belofte)',
    expectedCredit: 'Verwacht tegoed (aandeel van de prijs)',
    promiseAtRisk: 'Wat u kunt beloven bij het risico',
    baseFee: 'Basisquitteprijs',
    notAvailable: 'n.v.t.',
  },
};

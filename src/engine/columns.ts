/** Per-trial results of one plan's clients together. */
export interface PlanColumns {
  /** Net cost D of the plan's clients: all costs minus all revenue except fees. */
  netCost: Float64Array;
  /**
   * The plan's price quantity w (MODEL.md, "One price per plan"): profit at price p is
   * p·w − D. Flat: client-months paying the fee, less fee shares credited back; bundle: bundles
   * earned; hourly: billed hours; per_request: the price-list value of covered requests.
   */
  feeWeight: Float64Array;
  /** A bundle plan's hours lapsed on expired bundles, and hours left on bundles still valid at the term's end. */
  breakageHours: Float64Array;
  deferredHours: Float64Array;
  /**
   * Covered hours of the plan's clients as the hourly equivalent counts them: billed at the
   * scenario-level increment (worked hours without one).
   */
  coveredHours: Float64Array;
  /** Covered billed hours (the plan's increment) above the included hours, billed at the overage rate. */
  overageHours: Float64Array;
}

/** Per-trial results of one representative client of a segment (its first member). */
export interface SegmentColumns {
  netCost: Float64Array;
  /** The client's price quantity w (PlanColumns.feeWeight). */
  feeWeight: Float64Array;
  /** What the client pays besides its plan's price: overage and hourly billed work (not fixed revenue). */
  paymentBesidesPrice: Float64Array;
  breakageHours: Float64Array;
  deferredHours: Float64Array;
  /** What the client's covered work would cost hourly (billed at the scenario's increment), less the overage it is billed anyway. */
  hourlyValue: Float64Array;
  hours: Float64Array;
}

/** Everything the engine records per trial, one typed array per quantity. */
export interface TrialColumns {
  /**
   * Portfolio net cost D_t over the term as the uniform flat fee must cover it: all costs minus
   * all revenue except the flat fees, the plans that are not flat counted at their stated prices.
   */
  netCost: Float64Array;
  /** Portfolio fee weight w_t of the flat plans: profit at uniform fee f is w_t·f − D_t. */
  feeWeight: Float64Array;
  /** All hours worked over the term. */
  hours: Float64Array;
  coveredHours: Float64Array;
  /** Revenue besides the fees over the term (overage, hourly billing, fixed revenue): the recurring share's other part. */
  revenueBesidesFee: Float64Array;
  plans: PlanColumns[];
  segments: SegmentColumns[];
  /**
   * Whether the contract-form columns are kept (plans' breakage and deferred hours, segments'
   * payment besides the price, breakage and deferred hours): with a bundle plan, or for
   * `fairfee forms`; else those columns are empty (ColumnShape.forms).
   */
  forms: boolean;
  /** Hours of each request type (scenario order), all clients. */
  typeHours: Float64Array[];
  /** Net cost of each request type's hours: cost minus hourly billing of uncovered hours. */
  typeNetCost: Float64Array[];
}

/** How many of each kind of column a portfolio records. */
export interface ColumnShape {
  plans: number;
  segments: number;
  types: number;
  /** Keep the contract-form columns (TrialColumns.forms): 5 a plan and segment less without, 8 bytes a trial each. */
  forms: boolean;
}

/**
 * The shape a run keeps of blocks of shape `full`: all of it, or without the per-type columns
 * (2 per request type, 8 bytes a trial each), which only the variance shares and --trials-csv
 * read; a million-trial run of the bundled scenario keeps 112 MB less without them.
 */
export function keptShape(full: ColumnShape, typeColumns: boolean): ColumnShape {
  return typeColumns ? full : { ...full, types: 0 };
}

/** The one empty column that stands for every contract-form column a run does not keep. */
const NOT_KEPT = new Float64Array(0);

/** Zero-filled columns for `length` trials. */
export function allocateColumns(shape: ColumnShape, length: number): TrialColumns {
  const column = () => new Float64Array(length);
  const formColumn = () => (shape.forms ? new Float64Array(length) : NOT_KEPT);
  return {
    netCost: column(),
    feeWeight: column(),
    hours: column(),
    coveredHours: column(),
    revenueBesidesFee: column(),
    plans: Array.from({ length: shape.plans }, () => ({
      netCost: column(),
      feeWeight: column(),
      breakageHours: formColumn(),
      deferredHours: formColumn(),
      coveredHours: column(),
      overageHours: column(),
    })),
    segments: Array.from({ length: shape.segments }, () => ({
      netCost: column(),
      feeWeight: column(),
      paymentBesidesPrice: formColumn(),
      breakageHours: formColumn(),
      deferredHours: formColumn(),
      hourlyValue: column(),
      hours: column(),
    })),
    typeHours: Array.from({ length: shape.types }, column),
    typeNetCost: Array.from({ length: shape.types }, column),
    forms: shape.forms,
  };
}

/**
 * Every column kept, in a fixed order, the contract-form ones (when kept) before the per-type
 * ones, which come last, for copying blocks together or across threads.
 */
export function listColumns(columns: TrialColumns): Float64Array[] {
  const forms = columns.forms;
  return [
    columns.netCost,
    columns.feeWeight,
    columns.hours,
    columns.coveredHours,
    columns.revenueBesidesFee,
    ...columns.plans.flatMap((p) => [p.netCost, p.feeWeight, p.coveredHours, p.overageHours]),
    ...columns.segments.flatMap((s) => [s.netCost, s.feeWeight, s.hourlyValue, s.hours]),
    ...(forms ? columns.plans.flatMap((p) => [p.breakageHours, p.deferredHours]) : []),
    ...(forms ? columns.segments.flatMap((s) => [s.paymentBesidesPrice, s.breakageHours, s.deferredHours]) : []),
    ...columns.typeHours,
    ...columns.typeNetCost,
  ];
}

import type { BlockState } from '../blockState.js';
import type { HotClient } from '../hotPortfolio.js';
import { settleBundle } from './bundle.js';
import { settleFlat } from './flat.js';
import { FormKind } from './formKind.js';
import { settleHourly } from './hourly.js';
import { settlePerRequest } from './perRequest.js';

/** The current client's settle step by its plan's form (one file per form in contract/). */
export function settleClient(state: BlockState, c: HotClient): void {
  if (c.form === FormKind.Flat) settleFlat(state, c);
  else if (c.form === FormKind.Bundle) settleBundle(state, c);
  else if (c.form === FormKind.Hourly) settleHourly(state, c);
  else settlePerRequest(state, c);
}

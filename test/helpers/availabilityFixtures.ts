/** An availability block of the documented shape: two components given by availability, one by outages, two credit tiers. */
export const INTERFACE_AVAILABILITY = {
  promised: 0.995,
  chain: [
    { name: 'hosting', availability: 0.99 },
    { name: 'network', availability: 0.996 },
    { name: 'app', outages: { per_month: 0.5, duration_hours: { dist: 'lognormal', median: 1, sigma: 1 } } },
  ],
  credits: [
    { below: 0.995, credit: 0.1 },
    { below: 0.99, credit: 0.25 },
  ],
};

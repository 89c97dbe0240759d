/*
 * r1.c -- native C reference program for the fairfee benchmark workload "R1".
 *
 * A careful, single-threaded, "naive but careful" implementation of the same
 * Monte Carlo model that fairfee simulates, used as a speed and correctness
 * baseline for the TypeScript engine. It takes no shortcuts beyond per-month
 * count draws and per-request effort draws.
 *
 * ---------------------------------------------------------------------------
 * Model (workload R1)
 * ---------------------------------------------------------------------------
 *   200 clients x 12 months, default 20,000 trials.
 *   Per trial, client i draws a heterogeneity intensity
 *       U_i ~ Gamma(shape 4, scale 0.25)            (mean 1, cv 0.5)
 *   once for the whole trial. Per client and month, one count per type:
 *     text_edit     N ~ Poisson(1.5 U)
 *                   effort = exp(ln 0.5 + 0.8 Z); with prob 0.2 it overruns and
 *                   is multiplied by Triangular(min 1.5, mode 2.5, max 5)
 *     image_swap    N ~ Poisson(0.8 U)
 *                   effort = exp(ln 0.3 + 0.5 Z); no overrun
 *     bugfix        N ~ NegBin(mean 0.3 U, dispersion k = 0.5), drawn as
 *                   Gamma-Poisson: N ~ Poisson(0.3 U G), G ~ Gamma(0.5, scale 2)
 *                   effort = exp(ln 2 + 1.0 Z); with prob 0.3 multiplied by
 *                   Triangular(1.2, 2, 4)
 *     support_call  N ~ Poisson(0.6 U); fixed effort 0.25 h
 *   Output per trial: total hours of the whole portfolio (double).
 *
 *   Expected hours per client-month:
 *     1.5*0.5*e^0.32*(0.8+0.2*3) + 0.8*0.3*e^0.125 + 0.3*2*e^0.5*(0.7+0.3*2.4)
 *     + 0.6*0.25 = 3.27264 h  ->  2400 client-months = 7854.3 h per trial.
 *   Expected requests per client-month: 1.5+0.8+0.3+0.6 = 3.2
 *     -> 7680 per trial, 153.6e6 for 20,000 trials.
 *
 * ---------------------------------------------------------------------------
 * Algorithms and sources
 * ---------------------------------------------------------------------------
 *   Uniform bits: xoshiro256++ (Blackman & Vigna, "Scrambled linear
 *     pseudorandom number generators", ACM TOMS 47(4), 2021;
 *     https://prng.di.unimi.it/xoshiro256plusplus.c), state seeded by
 *     splitmix64 (Steele, Lea & Flood, OOPSLA 2014; https://prng.di.unimi.it/
 *     splitmix64.c). Doubles in [0,1) from the top 53 bits: (x >> 11) * 2^-53.
 *   Normal: 256-layer ziggurat (Marsaglia & Tsang, "The Ziggurat Method for
 *     Generating Random Variables", J. Stat. Softw. 5(8), 2000), in the
 *     symmetric-layer form of Doornik ("An Improved Ziggurat Method to
 *     Generate Normal Random Samples", 2005) as also used by Rust's
 *     rand_distr: layer index from the low 8 bits, a signed uniform from the
 *     top 53 bits of the same 64-bit word; base layer tail by Marsaglia's
 *     method (Marsaglia, "Generating a variable from the tail of the normal
 *     distribution", Technometrics 6(1), 1964). Tables are computed at start-up from r and v.
 *   Gamma: Marsaglia & Tsang, "A Simple Method for Generating Gamma
 *     Variables", ACM TOMS 26(3), 2000, including the squeeze; for shape a<1
 *     the boost Gamma(a) = Gamma(a+1) * U^(1/a) from the same paper.
 *   Poisson: mean < 10 by inversion with sequential search (Devroye,
 *     "Non-Uniform Random Variate Generation", Springer 1986, ch. X.3); mean >= 10
 *     by PTRS, transformed rejection with squeeze (Hormann, "The transformed
 *     rejection method for generating Poisson random variables", Insurance:
 *     Mathematics and Economics 12(1), 39-45, 1993), constants as published. R1's means
 *     are almost always < 10; PTRS is reached only by the occasional large
 *     bugfix mean 0.3*U*G. The set-up exp(-mu) of the text/image/support
 *     samplers is computed once per client (their means are fixed for the
 *     trial); this changes no draw, it only turns 36 exp calls per client-year
 *     into 3 (about -15% run time on the reference machine).
 *   Triangular: inverse CDF.
 *   Lognormal: exp(mu + sigma Z).
 *
 * ---------------------------------------------------------------------------
 * Usage
 * ---------------------------------------------------------------------------
 *   gcc -O2 -march=native -o bench/native/r1 bench/native/r1.c -lm
 *   bench/native/r1 [trials=20000] [seed=1]
 * Prints one JSON line:
 *   {"trials":..,"mean_hours":..,"sd_hours":..,"requests":..,"seconds":..}
 * where requests is the total number of requests sampled (all four types) and
 * seconds is the wall time of the simulation (CLOCK_MONOTONIC; includes the
 * microseconds of table set-up, excludes process start-up and argument parsing).
 * Same trials and seed give the same output on the same machine/libm.
 */

#define _POSIX_C_SOURCE 199309L

#include <errno.h>
#include <stdio.h>

#include "samplers.h"

/* ------------------------------------------------------------------------ */
/* Workload R1                                                               */
/* ------------------------------------------------------------------------ */

#define R1_CLIENTS 200
#define R1_MONTHS 12

int main(int argc, char **argv) {
    uint64_t trials = 20000, seed = 1;
    if (argc > 3 || (argc > 1 && (!parse_u64(argv[1], &trials) || trials == 0)) ||
        (argc > 2 && !parse_u64(argv[2], &seed))) {
        fprintf(stderr, "usage: %s [trials>0 (default 20000)] [seed>=0 (default 1)]\n", argv[0]);
        return 2;
    }

    const double t0 = now_seconds();

    zig_init();
    rng_t rng;
    rng_seed(&rng, seed);

    const gamma_t g_client = gamma_make(4.0, 0.25); /* U_i: mean 1, cv 0.5 */
    const gamma_t g_bugfix = gamma_make(0.5, 2.0);  /* G: mean 1, shape k = 0.5 */
    const tri_t tri_text = tri_make(1.5, 2.5, 5.0);
    const tri_t tri_bug = tri_make(1.2, 2.0, 4.0);
    const double ln_text = log(0.5), sig_text = 0.8, p_text = 0.2;
    const double ln_image = log(0.3), sig_image = 0.5;
    const double ln_bug = log(2.0), sig_bug = 1.0, p_bug = 0.3;
    const double support_hours = 0.25;

    uint64_t requests = 0;
    double mean = 0.0, m2 = 0.0; /* Welford over per-trial totals */

    for (uint64_t t = 0; t < trials; t++) {
        double total = 0.0; /* total hours of this trial */
        for (int c = 0; c < R1_CLIENTS; c++) {
            const double U = gamma_draw(&rng, &g_client);
            const poisson_t pois_text = poisson_make(1.5 * U);
            const poisson_t pois_image = poisson_make(0.8 * U);
            const poisson_t pois_support = poisson_make(0.6 * U);
            const double m_bug = 0.3 * U;
            for (int m = 0; m < R1_MONTHS; m++) {
                uint32_t n;

                /* text_edit */
                n = poisson_draw(&rng, &pois_text);
                requests += n;
                for (uint32_t j = 0; j < n; j++) {
                    double e = exp(ln_text + sig_text * std_normal(&rng));
                    if (u01(&rng) < p_text) e *= tri_draw(&rng, &tri_text);
                    total += e;
                }

                /* image_swap */
                n = poisson_draw(&rng, &pois_image);
                requests += n;
                for (uint32_t j = 0; j < n; j++) total += exp(ln_image + sig_image * std_normal(&rng));

                /* bugfix: Gamma-Poisson negative binomial */
                const double G = gamma_draw(&rng, &g_bugfix);
                n = poisson(&rng, m_bug * G);
                requests += n;
                for (uint32_t j = 0; j < n; j++) {
                    double e = exp(ln_bug + sig_bug * std_normal(&rng));
                    if (u01(&rng) < p_bug) e *= tri_draw(&rng, &tri_bug);
                    total += e;
                }

                /* support_call: fixed effort */
                n = poisson_draw(&rng, &pois_support);
                requests += n;
                total += support_hours * (double)n;
            }
        }
        const double delta = total - mean;
        mean += delta / (double)(t + 1);
        m2 += delta * (total - mean);
    }

    const double seconds = now_seconds() - t0;
    const double sd = trials > 1 ? sqrt(m2 / (double)(trials - 1)) : 0.0;

    printf("{\"trials\":%llu,\"mean_hours\":%.6f,\"sd_hours\":%.6f,\"requests\":%llu,\"seconds\":%.6f}\n",
           (unsigned long long)trials, mean, sd, (unsigned long long)requests, seconds);
    return 0;
}

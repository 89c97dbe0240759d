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
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* xoshiro256++ seeded by splitmix64                                         */
/* ------------------------------------------------------------------------ */

typedef struct {
    uint64_t s[4];
} rng_t;

static inline uint64_t rotl64(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void rng_seed(rng_t *r, uint64_t seed) {
    uint64_t sm = seed;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&sm);
    /* An all-zero state is impossible from splitmix64 in practice, but guard. */
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0) r->s[0] = 1;
}

static inline uint64_t rng_next(rng_t *r) {
    uint64_t *s = r->s;
    const uint64_t result = rotl64(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return result;
}

#define TWO_M53 (1.0 / 9007199254740992.0) /* 2^-53 */
#define TWO_M52 (1.0 / 4503599627370496.0) /* 2^-52 */

/* Uniform on [0,1), top 53 bits. */
static inline double u01(rng_t *r) {
    return (double)(rng_next(r) >> 11) * TWO_M53;
}

/* Uniform on (0,1), top 53 bits shifted by half an ulp: safe for log(). */
static inline double u01_open(rng_t *r) {
    return ((double)(rng_next(r) >> 11) + 0.5) * TWO_M53;
}

/* ------------------------------------------------------------------------ */
/* Standard normal: 256-layer ziggurat                                       */
/* ------------------------------------------------------------------------ */

#define ZIG_N 256
#define ZIG_R 3.6541528853610088       /* start of the tail, 256 layers   */
#define ZIG_V 0.00492867323399         /* area of each layer, f unnormalized */

static double zig_x[ZIG_N + 1]; /* zig_x[0] = V/f(R) (base width), [1] = R, ..., [256] = 0 */
static double zig_f[ZIG_N + 1]; /* zig_f[i] = exp(-zig_x[i]^2 / 2) */

static void zig_init(void) {
    const double f_r = exp(-0.5 * ZIG_R * ZIG_R);
    zig_x[0] = ZIG_V / f_r;
    zig_x[1] = ZIG_R;
    for (int i = 1; i < ZIG_N - 1; i++) {
        /* Layer i spans [x[i+1], x[i]]; its rectangle x[i]*(f(x[i+1])-f(x[i])) = V. */
        zig_x[i + 1] = sqrt(-2.0 * log(ZIG_V / zig_x[i] + exp(-0.5 * zig_x[i] * zig_x[i])));
    }
    zig_x[ZIG_N] = 0.0;
    for (int i = 0; i <= ZIG_N; i++) zig_f[i] = exp(-0.5 * zig_x[i] * zig_x[i]);
}

/* Tail beyond R (Marsaglia 1964), sign taken from u. */
static double zig_tail(rng_t *r, double u) {
    double x, y;
    do {
        x = log(u01_open(r)) / ZIG_R; /* x <= 0 */
        y = log(u01_open(r));
    } while (-2.0 * y < x * x);
    return u < 0.0 ? x - ZIG_R : ZIG_R - x;
}

static inline double std_normal(rng_t *r) {
    for (;;) {
        const uint64_t bits = rng_next(r);
        const unsigned i = (unsigned)(bits & 0xff);
        /* Signed uniform in [-1,1) from the top 53 bits (disjoint from the index bits). */
        const double u = (double)((int64_t)(bits >> 11) - (INT64_C(1) << 52)) * TWO_M52;
        const double x = u * zig_x[i];
        if (fabs(x) < zig_x[i + 1]) return x; /* inside the inner rectangle */
        if (i == 0) return zig_tail(r, u);
        /* wedge: accept under the density */
        if (zig_f[i + 1] + (zig_f[i] - zig_f[i + 1]) * u01(r) < exp(-0.5 * x * x)) return x;
    }
}

/* ------------------------------------------------------------------------ */
/* Gamma: Marsaglia & Tsang (2000)                                           */
/* ------------------------------------------------------------------------ */

typedef struct {
    double d;      /* a' - 1/3, with a' = a (a >= 1) or a + 1 (a < 1) */
    double c;      /* 1 / sqrt(9 d) */
    double inv_a;  /* 1/a, used by the boost when a < 1 */
    int boost;     /* a < 1 */
    double scale;
} gamma_t;

static gamma_t gamma_make(double shape, double scale) {
    gamma_t g;
    g.boost = shape < 1.0;
    const double a = g.boost ? shape + 1.0 : shape;
    g.d = a - 1.0 / 3.0;
    g.c = 1.0 / sqrt(9.0 * g.d);
    g.inv_a = 1.0 / shape;
    g.scale = scale;
    return g;
}

static inline double gamma_draw(rng_t *r, const gamma_t *g) {
    double v, x;
    for (;;) {
        do {
            x = std_normal(r);
            v = 1.0 + g->c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = u01_open(r);
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2) break;                        /* squeeze */
        if (log(u) < 0.5 * x2 + g->d * (1.0 - v + log(v))) break;     /* exact test */
    }
    double y = g->d * v;
    if (g->boost) y *= pow(u01_open(r), g->inv_a);
    return y * g->scale;
}

/* ------------------------------------------------------------------------ */
/* Poisson                                                                   */
/* ------------------------------------------------------------------------ */

/* A Poisson sampler with its set-up done once per mean (as in Rust rand_distr's
   Poisson::new): R1's text/image/support means are fixed per client and trial,
   so exp(-mu) is computed once per client rather than once per month. This is
   pure hoisting: the draws are bit-for-bit those of computing it every time. */
typedef struct {
    double mu;
    double p0;                                  /* exp(-mu), inversion only   */
    double loglam, b, a, log_invalpha, vr;      /* PTRS constants, mu >= 10   */
    int ptrs;
} poisson_t;

static inline poisson_t poisson_make(double mu) {
    poisson_t p;
    p.mu = mu > 0.0 ? mu : 0.0;
    p.ptrs = p.mu >= 10.0;
    if (!p.ptrs) {
        p.p0 = exp(-p.mu);
        p.loglam = p.b = p.a = p.log_invalpha = p.vr = 0.0;
    } else {
        p.p0 = 0.0;
        p.loglam = log(p.mu);
        p.b = 0.931 + 2.53 * sqrt(p.mu);
        p.a = -0.059 + 0.02483 * p.b;
        p.log_invalpha = log(1.1239 + 1.1328 / (p.b - 3.4));
        p.vr = 0.9277 - 3.6224 / (p.b - 2.0);
    }
    return p;
}

/* Inversion by sequential search from 0; for mean < 10. */
static inline uint32_t poisson_inversion(rng_t *r, double mu, double p0) {
    for (;;) {
        const double u = u01(r);
        uint32_t k = 0;
        double p = p0, s = p0;
        while (u > s) {
            k++;
            p *= mu / (double)k;
            s += p;
            /* Round-off guard: the partial sums can stall just below u ~ 1.
               Unreachable in distribution terms for mu < 10 (P(N>=200) < 1e-180);
               redraw if it ever happens. */
            if (k >= 200) goto redraw;
        }
        return k;
    redraw:;
    }
}

/* PTRS, Hormann (1993); for mean >= 10. Constants from the paper. */
static uint32_t poisson_ptrs(rng_t *r, const poisson_t *p) {
    const double lam = p->mu, a = p->a, b = p->b;
    for (;;) {
        const double U = u01(r) - 0.5;
        const double V = u01_open(r);
        const double us = 0.5 - fabs(U);
        const double k = floor((2.0 * a / us + b) * U + lam + 0.43);
        if (us >= 0.07 && V <= p->vr) return (uint32_t)k;
        if (k < 0.0 || (us < 0.013 && V > us)) continue;
        if (log(V) + p->log_invalpha - log(a / (us * us) + b) <=
            -lam + k * p->loglam - lgamma(k + 1.0))
            return (uint32_t)k;
    }
}

static inline uint32_t poisson_draw(rng_t *r, const poisson_t *p) {
    if (p->ptrs) return poisson_ptrs(r, p);
    if (!(p->mu > 0.0)) return 0;
    return poisson_inversion(r, p->mu, p->p0);
}

/* One-off draw for a mean that changes every call (bugfix: 0.3 U G). */
static inline uint32_t poisson(rng_t *r, double mu) {
    if (!(mu > 0.0)) return 0;
    if (mu < 10.0) return poisson_inversion(r, mu, exp(-mu));
    const poisson_t p = poisson_make(mu);
    return poisson_ptrs(r, &p);
}

/* ------------------------------------------------------------------------ */
/* Triangular by inverse CDF                                                 */
/* ------------------------------------------------------------------------ */

typedef struct {
    double lo, fc, k1, hi, k2; /* fc = (mode-lo)/(hi-lo), k1 = (hi-lo)(mode-lo), k2 = (hi-lo)(hi-mode) */
} tri_t;

static tri_t tri_make(double lo, double mode, double hi) {
    tri_t t;
    t.lo = lo;
    t.hi = hi;
    t.fc = (mode - lo) / (hi - lo);
    t.k1 = (hi - lo) * (mode - lo);
    t.k2 = (hi - lo) * (hi - mode);
    return t;
}

static inline double tri_draw(rng_t *r, const tri_t *t) {
    const double u = u01(r);
    return u < t->fc ? t->lo + sqrt(u * t->k1) : t->hi - sqrt((1.0 - u) * t->k2);
}

/* ------------------------------------------------------------------------ */
/* Workload R1                                                               */
/* ------------------------------------------------------------------------ */

#define R1_CLIENTS 200
#define R1_MONTHS 12

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int parse_u64(const char *s, uint64_t *out) {
    char *end = NULL;
    errno = 0;
    if (s[0] == '-') return 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0') return 0;
    *out = (uint64_t)v;
    return 1;
}

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

/*
 * samplers.h -- the random number generator, the samplers and the small helpers shared by the
 * native R1 references (r1.c, every month drawn; r1-shortcut.c, the engine's exact shortcuts),
 * so both programs draw with the same algorithms and only the model's arithmetic differs. Sources are cited in r1.c's
 * header and beside each sampler.
 */
#ifndef FAIRFEE_NATIVE_SAMPLERS_H
#define FAIRFEE_NATIVE_SAMPLERS_H

#include <errno.h>
#include <math.h>
#include <stdint.h>
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

/* Jump of 2^128 steps (https://prng.di.unimi.it/xoshiro256plusplus.c): block b of a run starts b
   jumps after the seed, so its stream does not depend on which thread draws it. */
static inline void rng_jump(rng_t *r) {
    static const uint64_t JUMP[] = {UINT64_C(0x180ec6d33cfd0aba), UINT64_C(0xd5a61266f0c9392c),
                                    UINT64_C(0xa9582618e03fc9aa), UINT64_C(0x39abdc4529b1661c)};
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int i = 0; i < 4; i++)
        for (int b = 0; b < 64; b++) {
            if (JUMP[i] & (UINT64_C(1) << b)) {
                s0 ^= r->s[0];
                s1 ^= r->s[1];
                s2 ^= r->s[2];
                s3 ^= r->s[3];
            }
            rng_next(r);
        }
    r->s[0] = s0;
    r->s[1] = s1;
    r->s[2] = s2;
    r->s[3] = s3;
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
/* Binomial                                                                  */
/* ------------------------------------------------------------------------ */

/* Inversion by sequential search from 0 (Devroye 1986, ch. X.4), for n p < 30 and p <= 1/2:
   one uniform and about n p + 1 steps. */
static inline uint32_t binomial_inversion(rng_t *r, uint32_t n, double p) {
    const double q = 1.0 - p, odds = p / q;
    const double p0 = exp((double)n * log(q));
    for (;;) {
        const double u = u01(r);
        uint32_t k = 0;
        double pk = p0, s = p0;
        while (u > s) {
            if (k >= n) goto redraw; /* round-off left u above the last partial sum */
            pk *= odds * (double)(n - k) / (double)(k + 1);
            k++;
            s += pk;
        }
        return k;
    redraw:;
    }
}

/* Binomial(n, p) for any n p: Knuth's beta recursion (TAOCP vol. 2, 3.4.1) splits at the
   median order statistic until n p < 30, then inverts; the beta is a ratio of Marsaglia-Tsang
   gammas. */
static inline uint32_t binomial(rng_t *r, uint32_t n, double p) {
    if (n == 0 || !(p > 0.0)) return 0;
    if (p >= 1.0) return n;
    if (p > 0.5) return n - binomial(r, n, 1.0 - p);
    if ((double)n * p < 30.0) return binomial_inversion(r, n, p);
    const uint32_t a = 1 + n / 2, b = n + 1 - a;
    const gamma_t ga = gamma_make((double)a, 1.0), gb = gamma_make((double)b, 1.0);
    const double ya = gamma_draw(r, &ga), yb = gamma_draw(r, &gb);
    const double x = ya / (ya + yb); /* Beta(a, b): the a-th smallest of n uniforms */
    if (x >= p) return binomial(r, a - 1, p / x);
    return a + binomial(r, b - 1, (p - x) / (1.0 - x));
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* A whole number >= 0 from a command-line argument; 0 when it is not one. */
static inline int parse_u64(const char *s, uint64_t *out) {
    char *end = NULL;
    errno = 0;
    if (s[0] == '-') return 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0') return 0;
    *out = (uint64_t)v;
    return 1;
}

#endif

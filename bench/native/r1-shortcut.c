/*
 * r1-shortcut.c -- native C reference for benchmark workload R1 with the engine's exact
 * shortcuts: the fastest honest program of the same model we know how to write, so the bench's
 * ratio says how close fairfee is to the limit, not how much work it skips.
 *
 * The model is r1.c's (see its header, and scenarios/bench-r1.yaml). With no monthly cap, the
 * total hours need only each client's term totals, and the shortcuts are exact in distribution
 * (docs/engine.md, "exact shortcuts"):
 *   - one Poisson count per client and type for the whole term: a sum of 12 monthly
 *     Poisson(lambda U) counts is Poisson(12 lambda U);
 *   - the bursty bugfix months as one Gamma-mixed count: the 12 monthly Gamma(0.5, scale 2)
 *     factors sum to Gamma(6, scale 2) = 12 Gamma(6, scale 1/6), so the term count is
 *     Poisson(12 * 0.3 U G) with G ~ Gamma(6, scale 1/6);
 *   - a count only for the fixed-effort support calls (0.25 h each);
 *   - overruns as one binomial: K ~ Binomial(N, p) of the N requests overrun, and only those K
 *     draw a triangular factor; the N - K others are plain lognormals.
 * Algorithms (samplers.h): xoshiro256++ seeded by splitmix64, 256-layer ziggurat normals,
 * Marsaglia-Tsang gammas, Poisson by inversion (mean < 10) or PTRS, binomial by inversion
 * (n p < 30) or Knuth's beta recursion, triangular by inverse CDF.
 *
 * Threads: trials are cut into blocks of BLOCK_TRIALS; block b draws from the stream b jumps of
 * 2^128 after the seed, threads take blocks from a shared counter, and the per-block sums are
 * combined in block order (Chan, Golub & LeVeque's pairwise update), so the output is the same
 * for every thread count.
 *
 * Usage
 *   gcc -O2 -march=native -pthread -o bench/native/r1-shortcut bench/native/r1-shortcut.c -lm
 *   bench/native/r1-shortcut [trials=20000] [seed=1] [threads=1]
 * Prints one JSON line:
 *   {"trials":..,"mean_hours":..,"sd_hours":..,"requests":..,"seconds":..,"threads":..}
 * seconds is the simulation's wall time (CLOCK_MONOTONIC), thread start-up included.
 */

#define _POSIX_C_SOURCE 199309L

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "samplers.h"

#define R1_CLIENTS 200
#define R1_MONTHS 12
#define BLOCK_TRIALS 500
#define MAX_THREADS 256

/* The sums of one block of trials: count, mean and sum of squared deviations of the trial
   totals, and the requests drawn. */
typedef struct {
    uint64_t n;
    double mean, m2;
    uint64_t requests;
} block_sums;

typedef struct {
    uint64_t trials, seed, blocks;
    atomic_uint_fast64_t next_block;
    block_sums *sums;
} run_t;

/* The R1 constants, fixed for the run. */
typedef struct {
    gamma_t client, bugfix_term;
    tri_t tri_text, tri_bug;
    double ln_text, sig_text, p_text;
    double ln_image, sig_image;
    double ln_bug, sig_bug, p_bug;
} r1_model;

static r1_model model;

static inline double lognormal_sum(rng_t *r, uint32_t n, double ln_median, double sigma) {
    double sum = 0.0;
    for (uint32_t j = 0; j < n; j++) sum += exp(ln_median + sigma * std_normal(r));
    return sum;
}

static inline double overrun_sum(rng_t *r, uint32_t n, double ln_median, double sigma, const tri_t *t) {
    double sum = 0.0;
    for (uint32_t j = 0; j < n; j++) sum += exp(ln_median + sigma * std_normal(r)) * tri_draw(r, t);
    return sum;
}

/* The hours of one type with overruns: N requests, K ~ Binomial(N, p) of them with a factor. */
static inline double type_hours(rng_t *r, uint32_t n, double ln_median, double sigma, double p, const tri_t *t) {
    const uint32_t k = binomial(r, n, p);
    return lognormal_sum(r, n - k, ln_median, sigma) + overrun_sum(r, k, ln_median, sigma, t);
}

static void run_block(uint64_t block, rng_t rng, block_sums *out, uint64_t trials) {
    const r1_model *m = &model;
    const uint64_t first = block * BLOCK_TRIALS;
    const uint64_t last = first + BLOCK_TRIALS < trials ? first + BLOCK_TRIALS : trials;
    block_sums s = {0, 0.0, 0.0, 0};
    for (uint64_t t = first; t < last; t++) {
        double total = 0.0;
        for (int c = 0; c < R1_CLIENTS; c++) {
            const double U = gamma_draw(&rng, &m->client);
            uint32_t n;

            n = poisson(&rng, R1_MONTHS * 1.5 * U);
            s.requests += n;
            total += type_hours(&rng, n, m->ln_text, m->sig_text, m->p_text, &m->tri_text);

            n = poisson(&rng, R1_MONTHS * 0.8 * U);
            s.requests += n;
            total += lognormal_sum(&rng, n, m->ln_image, m->sig_image);

            const double G = gamma_draw(&rng, &m->bugfix_term);
            n = poisson(&rng, R1_MONTHS * 0.3 * U * G);
            s.requests += n;
            total += type_hours(&rng, n, m->ln_bug, m->sig_bug, m->p_bug, &m->tri_bug);

            n = poisson(&rng, R1_MONTHS * 0.6 * U);
            s.requests += n;
            total += 0.25 * (double)n;
        }
        s.n++;
        const double delta = total - s.mean;
        s.mean += delta / (double)s.n;
        s.m2 += delta * (total - s.mean);
    }
    *out = s;
}

/* Block b's stream: b jumps after the seed. Jumping from the previous block's start would be
   cheaper, but then a thread's streams would depend on which blocks it took. */
static rng_t block_stream(uint64_t seed, uint64_t block) {
    rng_t r;
    rng_seed(&r, seed);
    for (uint64_t i = 0; i < block; i++) rng_jump(&r);
    return r;
}

static void *worker(void *arg) {
    run_t *run = arg;
    for (;;) {
        const uint64_t b = atomic_fetch_add(&run->next_block, 1);
        if (b >= run->blocks) return NULL;
        run_block(b, block_stream(run->seed, b), &run->sums[b], run->trials);
    }
}

int main(int argc, char **argv) {
    uint64_t trials = 20000, seed = 1, threads = 1;
    if (argc > 4 || (argc > 1 && (!parse_u64(argv[1], &trials) || trials == 0)) ||
        (argc > 2 && !parse_u64(argv[2], &seed)) ||
        (argc > 3 && (!parse_u64(argv[3], &threads) || threads == 0 || threads > MAX_THREADS))) {
        fprintf(stderr, "usage: %s [trials>0 (default 20000)] [seed>=0 (default 1)] [threads 1-%d (default 1)]\n", argv[0],
                MAX_THREADS);
        return 2;
    }

    const double t0 = now_seconds();
    zig_init();
    model = (r1_model){
        .client = gamma_make(4.0, 0.25),
        .bugfix_term = gamma_make(6.0, 1.0 / 6.0),
        .tri_text = tri_make(1.5, 2.5, 5.0),
        .tri_bug = tri_make(1.2, 2.0, 4.0),
        .ln_text = log(0.5), .sig_text = 0.8, .p_text = 0.2,
        .ln_image = log(0.3), .sig_image = 0.5,
        .ln_bug = log(2.0), .sig_bug = 1.0, .p_bug = 0.3,
    };

    run_t run = {.trials = trials, .seed = seed, .blocks = (trials + BLOCK_TRIALS - 1) / BLOCK_TRIALS};
    atomic_init(&run.next_block, 0);
    run.sums = calloc(run.blocks, sizeof(block_sums));
    if (!run.sums) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    pthread_t helpers[MAX_THREADS];
    for (uint64_t i = 1; i < threads; i++) {
        if (pthread_create(&helpers[i], NULL, worker, &run) != 0) {
            fprintf(stderr, "cannot start thread %llu\n", (unsigned long long)i);
            return 1;
        }
    }
    worker(&run);
    for (uint64_t i = 1; i < threads; i++) pthread_join(helpers[i], NULL);

    double mean = 0.0, m2 = 0.0;
    uint64_t n = 0, requests = 0;
    for (uint64_t b = 0; b < run.blocks; b++) {
        const block_sums *s = &run.sums[b];
        const double delta = s->mean - mean;
        const uint64_t both = n + s->n;
        mean += delta * (double)s->n / (double)both;
        m2 += s->m2 + delta * delta * (double)n * (double)s->n / (double)both;
        n = both;
        requests += s->requests;
    }
    const double seconds = now_seconds() - t0;
    const double sd = trials > 1 ? sqrt(m2 / (double)(trials - 1)) : 0.0;
    free(run.sums);

    printf("{\"trials\":%llu,\"mean_hours\":%.6f,\"sd_hours\":%.6f,\"requests\":%llu,\"seconds\":%.6f,\"threads\":%llu}\n",
           (unsigned long long)trials, mean, sd, (unsigned long long)requests, seconds, (unsigned long long)threads);
    return 0;
}

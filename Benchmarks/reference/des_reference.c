/* C reference DES benchmark: binary min-heap future-event list + GSL RNG.
 * Baseline for the Swift engine benchmark (swift run -c release policysim-bench). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>

typedef struct { double t; uint64_t seq; int type; } Event;   /* key: (t, seq) */
typedef struct { Event *a; size_t n, cap; uint64_t next_seq; } Heap;

static int less(const Event *x, const Event *y) { return x->t < y->t || (x->t == y->t && x->seq < y->seq); }
static void push(Heap *h, double t, int type) {
    if (h->n == h->cap) h->a = realloc(h->a, (h->cap = h->cap ? 2 * h->cap : 1024) * sizeof(Event));
    Event e = { t, h->next_seq++, type }; size_t i = h->n++;
    for (; i > 0 && less(&e, &h->a[(i - 1) / 2]); i = (i - 1) / 2) h->a[i] = h->a[(i - 1) / 2];   /* sift up */
    h->a[i] = e;
}
static Event pop(Heap *h) {
    Event top = h->a[0], last = h->a[--h->n]; size_t i = 0, c;
    while ((c = 2 * i + 1) < h->n) {                                    /* sift down */
        if (c + 1 < h->n && less(&h->a[c + 1], &h->a[c])) c++;
        if (!less(&h->a[c], &last)) break;
        h->a[i] = h->a[c]; i = c;
    }
    h->a[i] = last; return top;
}
static double now_s(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + ts.tv_nsec * 1e-9; }
enum { ARRIVAL, DEPARTURE };

int main(void) {
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    const double lambda = 0.9, mu = 1.0;

    /* (a) M/M/1 FIFO until 1e6 departures. FIFO => k-th departure is k-th arrival. */
    Heap h = {0};
    size_t cap = 1 << 20, arrivals = 0, departures = 0;
    double *arr_t = malloc(cap * sizeof(double)), sum_w = 0.0;
    gsl_rng_set(r, 42);
    push(&h, gsl_ran_exponential(r, 1.0 / lambda), ARRIVAL);
    double t0 = now_s();
    while (departures < 1000000) {
        Event e = pop(&h);
        if (e.type == ARRIVAL) {
            if (arrivals == cap) arr_t = realloc(arr_t, (cap *= 2) * sizeof(double));
            arr_t[arrivals++] = e.t;
            push(&h, e.t + gsl_ran_exponential(r, 1.0 / lambda), ARRIVAL);
            if (arrivals - departures == 1) push(&h, e.t + gsl_ran_exponential(r, 1.0 / mu), DEPARTURE);
        } else {
            sum_w += e.t - arr_t[departures++];
            if (arrivals > departures) push(&h, e.t + gsl_ran_exponential(r, 1.0 / mu), DEPARTURE);
        }
    }
    double dt = now_s() - t0, n = (double)(arrivals + departures);
    printf("mm1  events=%.0f seconds=%.3f events_per_s=%.0f mean_time_in_system=%.4f\n", n, dt, n / dt, sum_w / departures);

    /* (b) Hold model: 1000 pending events, pop earliest, reschedule at now + Exp(1). */
    h.n = 0; h.next_seq = 0;
    gsl_rng_set(r, 42);
    for (int i = 0; i < 1000; i++) push(&h, gsl_ran_exponential(r, 1.0), 0);
    const long firings = 5000000;
    t0 = now_s();
    for (long i = 0; i < firings; i++) { Event e = pop(&h); push(&h, e.t + gsl_ran_exponential(r, 1.0), 0); }
    dt = now_s() - t0; printf("hold events=%ld seconds=%.3f events_per_s=%.0f\n", firings, dt, firings / dt);

    free(arr_t); free(h.a); gsl_rng_free(r);
    return 0;
}

#ifndef POLICYSIM_CGSL_SHIM_H
#define POLICYSIM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>

/// GSL exports its generator types as mutable global pointers, which Swift 6
/// refuses to read as shared mutable state; these accessors return them.

/// Returns `gsl_rng_mt19937`, the Mersenne Twister generator type.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

/// Returns `gsl_rng_taus2`, the maximally equidistributed Tausworthe generator (cheap to seed).
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }

/// Returns `gsl_qrng_sobol`, the Sobol low-discrepancy sequence generator type.
static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }

#endif

#ifndef POLICYSIM_CZLIB_SHIM_H
#define POLICYSIM_CZLIB_SHIM_H

#include <zlib.h>

/// `deflateInit2` is a macro that passes the library version and the stream's size, which
/// Swift cannot expand; this function calls it for a gzip stream (window bits 15 + 16) at
/// `level`, with default memory use and strategy.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif

#ifndef MATCH_CONSOLE_CZLIB_SHIM_H
#define MATCH_CONSOLE_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call. Negative window bits: raw deflate, as zip stores it.
static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif

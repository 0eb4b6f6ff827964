#pragma once

// Where glibc copies with AVX-512 (its __memmove_avx512_unaligned_erms), the SSE code compiled
// for baseline x86-64 that runs after such a copy (the parser's scans and double arithmetic,
// libxxhash) was found to run slowly, and one VZEROUPPER at the start of each line gave back the
// speed that glibc told to leave AVX-512 alone gives (figures and the tunable: docs/performance.md).
// Which processor state the VZEROUPPER resets is not established: XINUSE (XGETBV 1) shows the
// same bits before and after, so no test can see it; the bench can. Where there is nothing to
// gain, it costs a load, a branch and a call a line.

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define PROMDESK_X86_VECTOR_STATE 1
#endif

namespace promdesk {

#ifdef PROMDESK_X86_VECTOR_STATE
namespace detail {
// Whether the CPU has AVX and the system saves its registers: only then is there state to clear.
extern const bool cpuHasAvx;
void zeroUpperVectorHalves();
} // namespace detail

/// VZEROUPPER where the CPU has AVX (see above); nothing elsewhere.
inline void clearUpperVectorState()
{
    if (detail::cpuHasAvx)
        detail::zeroUpperVectorHalves();
}
#else
inline void clearUpperVectorState() {}
#endif

} // namespace promdesk

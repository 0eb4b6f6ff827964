#pragma once

// What was measured: on a virtual AVX-512 Xeon (family 6, model 207), where glibc picks
// __memmove_avx512_unaligned_erms for memcpy, validating an exporter's 20 MB took 70 ms of CPU
// instead of the 40 it takes with glibc told to leave AVX-512 alone:
//   GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ
// The SSE code compiled for baseline x86-64 that ran after such copies (the parser's scans and
// double arithmetic, libxxhash) was what slowed down, and one VZEROUPPER at the start of each line
// gave back the same 40 ms (docs/performance.md). Which processor state the VZEROUPPER resets is
// not established: XINUSE (XGETBV 1) shows the same bits before and after, so no test can see it;
// the bench can. The cost where nothing is to be gained is a load, a branch and a call a line.

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

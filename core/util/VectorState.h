#pragma once

// glibc chooses AVX-512 versions of memcpy and memmove on CPUs that have them (their registers
// 16-31, with no VZEROUPPER on the way out). After them, SSE code compiled for baseline x86-64
// (the parser's scans and double arithmetic, libxxhash) runs slowly until a VZEROUPPER: validating
// an exporter's 20 MB took 70 ms of CPU instead of 40 on an AVX-512 Xeon, as much as with glibc
// told to leave AVX-512 alone (GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,
// -AVX512DQ; docs/performance.md). A loop of such SSE code around library calls clears the state
// once a round; one VZEROUPPER costs about a cycle. No test can see that state: the bench can.

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

/// VZEROUPPER where the CPU has AVX: the SSE code after it runs at full speed.
inline void clearUpperVectorState()
{
    if (detail::cpuHasAvx)
        detail::zeroUpperVectorHalves();
}
#else
inline void clearUpperVectorState() {}
#endif

} // namespace promdesk

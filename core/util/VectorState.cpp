#include "util/VectorState.h"

#ifdef PROMDESK_X86_VECTOR_STATE

#include <cpuid.h>
#include <immintrin.h>

#include <cstdint>

namespace promdesk::detail {

namespace {

// The XCR0 register: which register states the system saves on a context switch.
std::uint64_t savedRegisterStates()
{
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    asm volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return (std::uint64_t(high) << 32) | low;
}

// One CPUID (leaf 1), not the dozen of __builtin_cpu_init: in a virtual machine each one traps to
// the hypervisor, and this runs at every start of every program that links the core.
bool askCpuForAvx()
{
    unsigned eax = 0;
    unsigned ebx = 0;
    unsigned ecx = 0;
    unsigned edx = 0;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0)
        return false;
    constexpr unsigned kOsSavesState = 1U << 27; // OSXSAVE: XGETBV is there to ask
    constexpr unsigned kAvx = 1U << 28;
    if ((ecx & (kOsSavesState | kAvx)) != (kOsSavesState | kAvx))
        return false;
    constexpr std::uint64_t kSseAndAvxStates = 0x6; // XMM and YMM registers saved
    return (savedRegisterStates() & kSseAndAvxStates) == kSseAndAvxStates;
}

} // namespace

// Set while the program loads; a caller among earlier static initialisers sees false (zero
// initialisation) and only skips a VZEROUPPER.
const bool cpuHasAvx = askCpuForAvx();

[[gnu::target("avx")]] void zeroUpperVectorHalves()
{
    _mm256_zeroupper();
}

} // namespace promdesk::detail

#endif

#include "util/VectorState.h"

#ifdef PROMDESK_X86_VECTOR_STATE

#include <immintrin.h>

namespace promdesk::detail {

namespace {

bool askCpuForAvx()
{
    // This may run among the static constructors, before libgcc's own, hence the init. The
    // answer also says whether the system saves the AVX state.
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx");
}

} // namespace

const bool cpuHasAvx = askCpuForAvx();

[[gnu::target("avx")]] void zeroUpperVectorHalves()
{
    _mm256_zeroupper();
}

} // namespace promdesk::detail

#endif

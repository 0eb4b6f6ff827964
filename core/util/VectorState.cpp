#include "util/VectorState.h"

#ifdef PROMDESK_X86_VECTOR_STATE

#include <immintrin.h>

namespace promdesk::detail {

namespace {

bool askCpuForAvx()
{
    __builtin_cpu_init(); // this may run among the static constructors, before libgcc's own
    return __builtin_cpu_supports("avx"); // also checks that the system saves the AVX state
}

} // namespace

const bool cpuHasAvx = askCpuForAvx();

[[gnu::target("avx")]] void zeroUpperVectorHalves()
{
    _mm256_zeroupper();
}

} // namespace promdesk::detail

#endif

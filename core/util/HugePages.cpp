#include "util/HugePages.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#endif

#include <cstdlib>
#include <new>

namespace promdesk::detail {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

// Smaller blocks come from the ordinary heap: a huge page would be mostly empty. A table of one
// huge page takes one fault and is zeroed at once, where 4 KiB pages took 512 of each.
bool inHugePages(std::size_t bytes)
{
    return bytes >= kHugePage;
}

} // namespace

void *allocateLarge(std::size_t bytes)
{
    if (!inHugePages(bytes))
        return ::operator new(bytes);
    const std::size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    void *memory = std::aligned_alloc(kHugePage, rounded);
    if (!memory)
        throw std::bad_alloc();
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    madvise(memory, rounded, MADV_HUGEPAGE);
#endif
    return memory;
}

void freeLarge(void *memory, std::size_t bytes)
{
    if (inHugePages(bytes))
        std::free(memory);
    else
        ::operator delete(memory);
}

} // namespace promdesk::detail

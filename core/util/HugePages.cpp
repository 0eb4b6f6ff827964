#include "util/HugePages.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#endif

#include <cstdint>
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
    adviseHugePages(memory, rounded);
    return memory;
}

// Only whole huge pages: the kernel backs nothing smaller with one, and advice given to the part
// of a page before or after splits the mapping for no gain. A system without the advice, or one
// that refuses it (EINVAL), leaves the memory in ordinary pages.
void adviseHugePages([[maybe_unused]] void *memory, [[maybe_unused]] std::size_t bytes)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    const auto start = reinterpret_cast<std::uintptr_t>(memory);
    const std::uintptr_t first = (start + kHugePage - 1) & ~std::uintptr_t(kHugePage - 1);
    const std::uintptr_t end = (start + bytes) & ~std::uintptr_t(kHugePage - 1);
    if (end > first)
        madvise(static_cast<char *>(memory) + (first - start), end - first, MADV_HUGEPAGE);
#endif
}

void freeLarge(void *memory, std::size_t bytes)
{
    if (inHugePages(bytes))
        std::free(memory);
    else
        ::operator delete(memory);
}

} // namespace promdesk::detail

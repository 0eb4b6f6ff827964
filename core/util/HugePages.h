#pragma once

// Memory for large tables looked up at random (SeriesIndex): in 2 MB pages where the system has
// them. With 4 KiB pages nearly every lookup in a table of tens of megabytes misses the TLB. The
// advice comes before the memory is first written; given afterwards, the table would already be
// in small pages.
#include <cstddef>

namespace promdesk {

namespace detail {
void *allocateLarge(std::size_t bytes);
void freeLarge(void *memory, std::size_t bytes);
// Asks for the whole 2 MB pages inside [memory, memory + bytes) in transparent huge pages, before
// they are first written; the rest of the range, and a range too small to hold one, stays as it is.
void adviseHugePages(void *memory, std::size_t bytes);
} // namespace detail

/// A std::allocator for large vectors: their memory is asked for in transparent huge pages.
template <typename T> struct HugePageAllocator
{
    using value_type = T;
    HugePageAllocator() = default;
    template <typename U> explicit HugePageAllocator(const HugePageAllocator<U> &) {}
    T *allocate(std::size_t count) { return static_cast<T *>(detail::allocateLarge(count * sizeof(T))); }
    void deallocate(T *memory, std::size_t count) { detail::freeLarge(memory, count * sizeof(T)); }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const { return true; }
};

} // namespace promdesk

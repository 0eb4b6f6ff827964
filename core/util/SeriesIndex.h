#pragma once

#include "util/HugePages.h"

#include <cstdint>
#include <vector>

namespace promdesk {

/// An open-addressing table from a 64-bit series hash to the line that first gave the series.
/// The hashes must be well mixed in their low bits, as XXH3's are: those bits pick the slot.
/// It stays at 16 bytes a slot, so a million series cost about 32 MB, where a node-based map
/// would take three times that.
class SeriesIndex
{
public:
    /// Where a series was first seen.
    struct Entry
    {
        std::uint32_t line = 0; // 0: not present before
        std::uint32_t valueHash = 0;
    };

    // Inserts the hash if it is new. Returns what was stored before (line 0 when nothing was).
    Entry insert(std::uint64_t hash, std::uint32_t line, std::uint32_t valueHash);
    // What is stored for the hash (line 0 when nothing is), without inserting it.
    [[nodiscard]] Entry find(std::uint64_t hash) const;
    // Makes room for `expected` entries at once, instead of doubling (and rehashing) up to it.
    void reserve(std::size_t expected);
    // Starts loading the slot a later insert() of this hash will touch.
    void prefetch(std::uint64_t hash) const;
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    struct Slot
    {
        std::uint64_t hash = 0; // 0 marks an empty slot; real hashes of 0 are stored as 1
        Entry entry;
    };
    // The slot that holds `hash` (never 0), or the empty one where it would go.
    [[nodiscard]] std::size_t probe(std::uint64_t hash) const;
    void grow();
    void rehash(std::size_t slotCount);

    std::vector<Slot, HugePageAllocator<Slot>> m_slots; // every lookup lands on a random page
    std::size_t m_size = 0;
};

} // namespace promdesk

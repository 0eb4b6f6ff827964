#include "util/SeriesIndex.h"

#include <QtGlobal>

#include <cstdint>

namespace promdesk {

namespace {

// The low bits of the hash pick the slot: every hash stored here is XXH3's, whose every bit
// depends on every input bit, so they are as random as the high ones and linear probing stays
// short. (A second mix, MurmurHash3's finaliser, cost two multiplies on every lookup and on every
// prefetch for nothing.)
inline std::size_t slotOf(std::uint64_t hash, std::size_t mask)
{
    return hash & mask;
}

} // namespace

std::size_t SeriesIndex::probe(std::uint64_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = slotOf(hash, mask);
    while (m_slots[i].hash != hash && m_slots[i].hash != 0)
        i = (i + 1) & mask;
    return i;
}

SeriesIndex::Entry SeriesIndex::insert(std::uint64_t hash, std::uint32_t line, std::uint32_t valueHash)
{
    if (hash == 0)
        hash = 1;
    if ((m_size + 1) * 2 > m_slots.size())
        grow();
    Slot &slot = m_slots[probe(hash)];
    if (slot.hash == hash)
        return slot.entry;
    slot.hash = hash;
    slot.entry = Entry{line, valueHash};
    ++m_size;
    return Entry{};
}

SeriesIndex::Entry SeriesIndex::find(std::uint64_t hash) const
{
    if (m_slots.empty())
        return Entry{};
    const Slot &slot = m_slots[probe(hash == 0 ? 1 : hash)];
    return slot.hash != 0 ? slot.entry : Entry{};
}

void SeriesIndex::prefetch(std::uint64_t hash) const
{
    if (!m_slots.empty())
        __builtin_prefetch(&m_slots[slotOf(hash == 0 ? 1 : hash, m_slots.size() - 1)]);
}

void SeriesIndex::grow()
{
    rehash(m_slots.empty() ? 1024 : m_slots.size() * 2);
}

void SeriesIndex::reserve(std::size_t expected)
{
    std::size_t slots = 1024;
    while (slots < expected * 2) // the table stays at most half full
        slots *= 2;
    if (slots > m_slots.size())
        rehash(slots);
}

void SeriesIndex::rehash(std::size_t slotCount)
{
    std::vector<Slot, HugePageAllocator<Slot>> old = std::move(m_slots);
    m_slots.assign(slotCount, Slot{});
    for (const Slot &slot : old) {
        if (slot.hash != 0)
            m_slots[probe(slot.hash)] = slot; // hashes are unique: the probe ends at an empty slot
    }
}

} // namespace promdesk

#include "util/SeriesIndex.h"

namespace promdesk {

SeriesIndex::Entry SeriesIndex::insert(std::uint64_t hash, std::uint32_t line, std::uint32_t valueHash)
{
    if (hash == 0)
        hash = 1;
    if ((m_size + 1) * 2 > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.hash == hash)
            return slot.entry;
        if (slot.hash == 0) {
            slot.hash = hash;
            slot.entry = Entry{line, valueHash};
            ++m_size;
            return Entry{};
        }
    }
}

void SeriesIndex::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.hash == 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].hash != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace promdesk

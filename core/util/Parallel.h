#pragma once

#include "util/CoreBinding.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <future>
#include <vector>

namespace promdesk {

// Calls body(i) for every i in [0, count) on up to `threads` threads, this one among them, and
// returns when all are done. Each thread takes the next index when it is done with its last, so a
// core the machine slows down takes fewer instead of holding the others up. When there is a
// thread for each core this thread may run on, each keeps to one of them while it works (see
// CoreBinding), this one to the core it is on, which gets its cores back before it waits for the
// others. `body` starts no threads: they would inherit its one core.
template <typename Body> void forEachIndexInParallel(std::size_t count, int threads, Body &&body)
{
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            body(i);
    };
    const auto threadCount = std::min<std::size_t>(std::size_t(std::max(threads, 1)), count);
    if (threadCount < 2) {
        work();
        return;
    }
    const std::vector<int> cores = coresForThreads(int(threadCount));
    const auto coreOf = [&cores](std::size_t thread) { return cores.empty() ? -1 : cores[thread]; };
    std::vector<std::future<void>> running;
    for (std::size_t helper = 1; helper < threadCount; ++helper) {
        running.push_back(std::async(std::launch::async, [&work, core = coreOf(helper)] {
            const CoreBinding binding(core);
            work();
        }));
    }
    {
        const CoreBinding binding(coreOf(0));
        work();
    }
    for (auto &helper : running)
        helper.get();
}

} // namespace promdesk

#include "util/CoreBinding.h"

#include <algorithm>

namespace promdesk {

std::vector<int> detail::coresForThreads(const std::vector<int> &allowed, int current, int threads)
{
    if (threads < 1 || size_t(threads) != allowed.size()
        || std::find(allowed.begin(), allowed.end(), current) == allowed.end())
        return {};
    std::vector<int> cores{current};
    for (const int core : allowed) {
        if (core != current)
            cores.push_back(core);
    }
    return cores;
}

#if defined(Q_OS_LINUX)

// sched_getaffinity and sched_setaffinity with pid 0 act on the calling thread alone.

std::vector<int> coresForThreads(int threads)
{
    // A fixed set holds 1,024 cores; on a larger machine the call fails and nothing is bound.
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return {};
    std::vector<int> allowed;
    for (int core = 0; core < CPU_SETSIZE; ++core) {
        if (CPU_ISSET(core, &set))
            allowed.push_back(core);
    }
    return detail::coresForThreads(allowed, sched_getcpu(), threads);
}

CoreBinding::CoreBinding(int core)
{
    if (core < 0 || core >= CPU_SETSIZE || sched_getaffinity(0, sizeof m_saved, &m_saved) != 0)
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(core, &one);
    if (sched_setaffinity(0, sizeof one, &one) == 0)
        m_core = core;
}

CoreBinding::~CoreBinding()
{
    if (m_core < 0)
        return;
    cpu_set_t now;
    CPU_ZERO(&now);
    if (sched_getaffinity(0, sizeof now, &now) != 0 || CPU_COUNT(&now) != 1 || !CPU_ISSET(m_core, &now))
        return; // someone else set the thread's cores meanwhile: theirs stand
    if (sched_setaffinity(0, sizeof m_saved, &m_saved) == 0)
        return;
    // The saved cores were all taken away meanwhile (a cpuset shrunk): every core, which the
    // kernel cuts down to those allowed, rather than a pool thread kept on one core for good.
    cpu_set_t every;
    CPU_ZERO(&every);
    for (int core = 0; core < CPU_SETSIZE; ++core)
        CPU_SET(core, &every);
    sched_setaffinity(0, sizeof every, &every);
}

#else

std::vector<int> coresForThreads(int)
{
    return {};
}

CoreBinding::CoreBinding(int) {}

CoreBinding::~CoreBinding() = default;

#endif

} // namespace promdesk

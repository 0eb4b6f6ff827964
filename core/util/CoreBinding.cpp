#include "util/CoreBinding.h"

#include <algorithm>

#if defined(Q_OS_LINUX)
#include <pthread.h>
#endif

namespace promdesk {

std::vector<int> detail::coresForThreads(const std::vector<int> &allowed, int current, int threads)
{
    if (threads < 1 || size_t(threads) > allowed.size()
        || std::find(allowed.begin(), allowed.end(), current) == allowed.end())
        return {};
    std::vector<int> cores{current};
    for (const int core : allowed) {
        if (cores.size() == size_t(threads))
            break;
        if (core != current)
            cores.push_back(core);
    }
    return cores;
}

#if defined(Q_OS_LINUX)

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
    if (core < 0 || core >= CPU_SETSIZE || pthread_getaffinity_np(pthread_self(), sizeof m_saved, &m_saved) != 0)
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(core, &one);
    m_bound = pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0;
}

CoreBinding::~CoreBinding()
{
    if (m_bound)
        pthread_setaffinity_np(pthread_self(), sizeof m_saved, &m_saved);
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

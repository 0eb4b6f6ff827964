#pragma once

// Keeps each thread of a short parallel burst on a core of its own (Linux; elsewhere nothing is
// bound). Left to the scheduler, a thread that waits a moment (a page fault while another thread
// of the process unmaps memory) is woken on the core of the thread that woke it, and the two then
// share that core for milliseconds while another core idles: on a two-core machine a third of
// the runs of `validate` lost 2-15 ms so (docs/performance.md).
#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sched.h>
#endif

#include <vector>

namespace promdesk {

namespace detail {
// The cores for `threads` threads, one each: `current` (the calling thread's core) first, then
// the other `allowed` cores in their order. Only when there is a thread for every allowed core:
// with fewer, threads bound to the first cores would pile up with those of another such call (or
// process) while the other cores idle. Otherwise, or when `current` is not among the allowed
// cores (or unknown: -1), empty: no thread is bound.
std::vector<int> coresForThreads(const std::vector<int> &allowed, int current, int threads);
} // namespace detail

// detail::coresForThreads for the calling thread: the cores it may run on and the one it runs on.
std::vector<int> coresForThreads(int threads);

/// While it lives, the calling thread runs on `core` alone; then it gets back the cores it had,
/// unless its cores were changed meanwhile (by `taskset`, say): those are left as they are. A
/// thread it starts meanwhile inherits the one core. A core below 0, or one the system refuses,
/// binds nothing.
class CoreBinding
{
public:
    explicit CoreBinding(int core);
    ~CoreBinding();
    CoreBinding(const CoreBinding &) = delete;
    CoreBinding &operator=(const CoreBinding &) = delete;

private:
#if defined(Q_OS_LINUX)
    cpu_set_t m_saved{};
    int m_core = -1; // bound to it; -1: nothing was bound
#endif
};

} // namespace promdesk

// Which core each thread of a parallel call keeps to: the caller's own core and then the others
// it may use, one a thread, each thread bound while it works and the caller given its cores back
// (also when the work throws, and never over cores someone else set meanwhile); nothing bound
// unless there is a thread for every core.
#include "util/CoreBinding.h"
#include "util/Parallel.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace promdesk;

namespace {

#if defined(Q_OS_LINUX)
// The cores the calling thread may run on, in order.
std::vector<int> allowedCores()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return {};
    std::vector<int> cores;
    for (int core = 0; core < CPU_SETSIZE; ++core) {
        if (CPU_ISSET(core, &set))
            cores.push_back(core);
    }
    return cores;
}
#endif

// Waits until `threads` threads have arrived, so that each thread of a parallel call takes one
// index and is seen inside it; gives up after ten seconds (the test then fails on the counts).
void meetTheOthers(std::atomic<int> &arrived, int threads)
{
    ++arrived;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (arrived.load() < threads && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
}

} // namespace

class TestCoreBinding : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void coresForThreads_data();
    void coresForThreads();
    void bindingHoldsThenGivesTheCoresBack();
    void negativeCoreBindsNothing();
    void coresSetMeanwhileStand();
    void parallelThreadsKeepToACoreEach();
    void otherThreadCountsBindNothing_data();
    void otherThreadCountsBindNothing();
    void callerGetsItsCoresBackWhenTheWorkThrows();

private:
#if defined(Q_OS_LINUX)
    cpu_set_t m_cores{}; // the test thread's, given back after each test whatever it did
#endif
};

void TestCoreBinding::init()
{
#if defined(Q_OS_LINUX)
    CPU_ZERO(&m_cores);
    QCOMPARE(sched_getaffinity(0, sizeof m_cores, &m_cores), 0);
#endif
}

void TestCoreBinding::cleanup()
{
#if defined(Q_OS_LINUX)
    sched_setaffinity(0, sizeof m_cores, &m_cores);
#endif
}

void TestCoreBinding::coresForThreads_data()
{
    QTest::addColumn<std::vector<int>>("allowed");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("threads");
    QTest::addColumn<std::vector<int>>("expected");
    QTest::newRow("one-core-one-thread") << std::vector{3} << 3 << 1 << std::vector{3};
    QTest::newRow("current-core-first") << std::vector{0, 1, 2, 3} << 2 << 4 << std::vector{2, 0, 1, 3};
    QTest::newRow("two-cores-two-threads") << std::vector{0, 1} << 1 << 2 << std::vector{1, 0};
    QTest::newRow("restricted-mask") << std::vector{2, 5} << 5 << 2 << std::vector{5, 2};
    QTest::newRow("fewer-threads-than-cores") << std::vector{0, 1, 2, 3} << 2 << 3 << std::vector<int>{};
    QTest::newRow("fewer-cores-than-threads") << std::vector{0, 1} << 0 << 3 << std::vector<int>{};
    QTest::newRow("current-core-not-allowed") << std::vector{0, 1} << 5 << 2 << std::vector<int>{};
    QTest::newRow("current-core-unknown") << std::vector{0, 1} << -1 << 2 << std::vector<int>{};
    QTest::newRow("no-threads") << std::vector{0, 1} << 0 << 0 << std::vector<int>{};
}

void TestCoreBinding::coresForThreads()
{
    QFETCH(std::vector<int>, allowed);
    QFETCH(int, current);
    QFETCH(int, threads);
    QFETCH(std::vector<int>, expected);
    QCOMPARE(detail::coresForThreads(allowed, current, threads), expected);
}

void TestCoreBinding::bindingHoldsThenGivesTheCoresBack()
{
#if defined(Q_OS_LINUX)
    const std::vector<int> before = allowedCores();
    QVERIFY(!before.empty());
    const int core = before.back();
    {
        const CoreBinding binding(core);
        QCOMPARE(allowedCores(), std::vector{core});
        QCOMPARE(sched_getcpu(), core);
    }
    QCOMPARE(allowedCores(), before);
#else
    QSKIP("threads are bound to cores on Linux only");
#endif
}

void TestCoreBinding::negativeCoreBindsNothing()
{
#if defined(Q_OS_LINUX)
    const std::vector<int> before = allowedCores();
    {
        const CoreBinding binding(-1);
        QCOMPARE(allowedCores(), before);
    }
    QCOMPARE(allowedCores(), before);
#else
    QSKIP("threads are bound to cores on Linux only");
#endif
}

// Cores set on the thread while it was bound (as `taskset -p` does) are not overwritten.
void TestCoreBinding::coresSetMeanwhileStand()
{
#if defined(Q_OS_LINUX)
    const std::vector<int> before = allowedCores();
    if (before.size() < 2)
        QSKIP("needs two cores");
    cpu_set_t other;
    CPU_ZERO(&other);
    CPU_SET(before.front(), &other);
    {
        const CoreBinding binding(before.back());
        QCOMPARE(sched_setaffinity(0, sizeof other, &other), 0);
    }
    QCOMPARE(allowedCores(), std::vector{before.front()}); // cleanup() gives all of them back
#else
    QSKIP("threads are bound to cores on Linux only");
#endif
}

// With a thread for every core, each thread, inside the body, may run on one core alone, each
// core taken once, the caller among the threads; afterwards the caller has all its cores again.
void TestCoreBinding::parallelThreadsKeepToACoreEach()
{
#if defined(Q_OS_LINUX)
    const std::vector<int> before = allowedCores();
    if (before.size() < 2)
        QSKIP("needs two cores");
    // A thread for every core: with fewer, nothing is bound (otherThreadCountsBindNothing).
    const int threads = int(before.size());
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<int> arrived{0};
    std::mutex lock;
    std::vector<std::vector<int>> seen; // the cores each index's thread may run on
    int onCaller = 0;
    forEachIndexInParallel(size_t(threads), threads, [&](size_t) {
        meetTheOthers(arrived, threads);
        const std::scoped_lock guard(lock);
        seen.push_back(allowedCores());
        onCaller += std::this_thread::get_id() == caller ? 1 : 0;
    });
    QCOMPARE(seen.size(), size_t(threads));
    QCOMPARE(onCaller, 1);
    std::vector<int> cores;
    for (const std::vector<int> &one : seen) {
        QCOMPARE(one.size(), size_t(1));
        cores.push_back(one.front());
    }
    std::sort(cores.begin(), cores.end());
    QCOMPARE(cores, before); // each core once
    QCOMPARE(allowedCores(), before);
#else
    QSKIP("threads are bound to cores on Linux only");
#endif
}

// With more threads than cores, or fewer (where there are three cores or more), every thread
// keeps all the cores it had.
void TestCoreBinding::otherThreadCountsBindNothing_data()
{
    QTest::addColumn<int>("moreThanCores");
    QTest::newRow("one-more-thread-than-cores") << 1;
    QTest::newRow("one-thread-fewer-than-cores") << -1;
}

void TestCoreBinding::otherThreadCountsBindNothing()
{
#if defined(Q_OS_LINUX)
    QFETCH(int, moreThanCores);
    const std::vector<int> before = allowedCores();
    const int threads = int(before.size()) + moreThanCores;
    if (threads < 2)
        QSKIP("one thread runs alone: nothing to bind on this machine");
    std::atomic<int> arrived{0};
    std::mutex lock;
    std::vector<std::vector<int>> seen;
    forEachIndexInParallel(size_t(threads), threads, [&](size_t) {
        meetTheOthers(arrived, threads);
        const std::scoped_lock guard(lock);
        seen.push_back(allowedCores());
    });
    QCOMPARE(seen.size(), size_t(threads));
    for (const std::vector<int> &cores : seen)
        QCOMPARE(cores, before);
#else
    QSKIP("threads are bound to cores on Linux only");
#endif
}

void TestCoreBinding::callerGetsItsCoresBackWhenTheWorkThrows()
{
#if defined(Q_OS_LINUX)
    const std::vector<int> before = allowedCores();
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<int> arrived{0};
    bool threw = false;
    try {
        forEachIndexInParallel(before.size(), int(before.size()), [&](size_t) {
            meetTheOthers(arrived, int(before.size()));
            if (std::this_thread::get_id() == caller)
                throw std::runtime_error("the caller's work failed");
        });
    } catch (const std::runtime_error &) {
        threw = true;
    }
    QVERIFY(threw);
    QCOMPARE(allowedCores(), before);
#else
    QSKIP("threads are bound to cores on Linux only");
#endif
}

QTEST_GUILESS_MAIN(TestCoreBinding)
#include "tst_corebinding.moc"

// Which memory is advised into transparent huge pages: exactly the whole 2 MB pages inside the
// range asked for, as the kernel records it (the "hg" flag of /proc/self/smaps), for the series
// table's allocations and for the CLI's file buffer alike.
#include "util/HugePages.h"

#include <QFile>
#include <QTest>

#include <cstdint>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#endif

using namespace promdesk;

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kSmallPage = 4096;

// The advised stretches of [base, base + size), as offsets from base: "start-end" each.
QStringList advisedStretches(std::uintptr_t base, std::size_t size)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read /proc/self/smaps")};
    QStringList stretches;
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
    const QList<QByteArray> lines = smaps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        // A mapping's line starts with its range in lowercase hex; its fields' names are capitalised.
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && QByteArrayView("0123456789abcdef").contains(line.front())) {
            start = line.left(dash).toULongLong(nullptr, 16);
            end = line.mid(dash + 1, space - dash - 1).toULongLong(nullptr, 16);
            continue;
        }
        if (!line.startsWith("VmFlags:") || !line.split(' ').contains("hg"))
            continue;
        const std::uintptr_t from = std::max(start, base);
        const std::uintptr_t to = std::min(end, base + size);
        if (from < to)
            stretches << QStringLiteral("%1-%2").arg(from - base).arg(to - base);
    }
    return stretches;
}

} // namespace

class TestHugePages : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void advisesWholePagesOnly_data();
    void advisesWholePagesOnly();
    void largeAllocationsAreAdvised();

private:
    char *m_region = nullptr; // three huge pages, aligned to one, mapped fresh for each test
    void *m_mapping = nullptr;
    std::size_t m_mappingSize = 0;
};

void TestHugePages::init()
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    m_mappingSize = 4 * kHugePage;
    m_mapping = mmap(nullptr, m_mappingSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(m_mapping != MAP_FAILED);
    const auto start = reinterpret_cast<std::uintptr_t>(m_mapping);
    const std::uintptr_t aligned = (start + kHugePage - 1) & ~std::uintptr_t(kHugePage - 1);
    m_region = static_cast<char *>(m_mapping) + (aligned - start);
    // A kernel built without them refuses the advice and has no such directory.
    if (!QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage")))
        QSKIP("this kernel has no transparent huge pages");
#else
    QSKIP("transparent huge pages are Linux's");
#endif
}

void TestHugePages::cleanup()
{
#if defined(Q_OS_LINUX)
    if (m_mapping && m_mapping != MAP_FAILED)
        munmap(m_mapping, m_mappingSize);
#endif
    m_mapping = nullptr;
    m_region = nullptr;
}

void TestHugePages::advisesWholePagesOnly_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QStringList>("advised");
    const auto huge = qint64(kHugePage);
    const auto small = qint64(kSmallPage);
    auto stretch = [](qint64 from, qint64 to) { return QStringLiteral("%1-%2").arg(from).arg(to); };
    QTest::newRow("aligned-whole-pages") << qint64(0) << 3 * huge << QStringList{stretch(0, 3 * huge)};
    QTest::newRow("unaligned-both-ends") << small << 3 * huge - 2 * small << QStringList{stretch(huge, 2 * huge)};
    QTest::newRow("unaligned-by-a-byte") << qint64(1) << 3 * huge - 1 << QStringList{stretch(huge, 3 * huge)};
    QTest::newRow("smaller-than-a-page") << qint64(0) << huge - 1 << QStringList{};
    QTest::newRow("a-page-long-but-straddling") << small << huge << QStringList{};
    QTest::newRow("empty") << qint64(0) << qint64(0) << QStringList{};
}

void TestHugePages::advisesWholePagesOnly()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, size);
    QFETCH(QStringList, advised);
    detail::adviseHugePages(m_region + offset, std::size_t(size));
    QCOMPARE(advisedStretches(reinterpret_cast<std::uintptr_t>(m_region), 3 * kHugePage), advised);
}

// The series table asks for its memory through allocateLarge: a block of a huge page or more is
// aligned to one, rounded up to whole ones and advised whole; a smaller one is left alone.
void TestHugePages::largeAllocationsAreAdvised()
{
    const std::size_t bytes = kHugePage + kHugePage / 2;
    void *large = detail::allocateLarge(bytes);
    const auto at = reinterpret_cast<std::uintptr_t>(large);
    QCOMPARE(at % kHugePage, std::uintptr_t(0));
    const QStringList largeAdvised = advisedStretches(at, 2 * kHugePage);
    detail::freeLarge(large, bytes);
    QCOMPARE(largeAdvised, QStringList{QStringLiteral("0-%1").arg(2 * kHugePage)});

    void *small = detail::allocateLarge(kHugePage - 1);
    const QStringList smallAdvised = advisedStretches(reinterpret_cast<std::uintptr_t>(small), kHugePage - 1);
    detail::freeLarge(small, kHugePage - 1);
    QCOMPARE(smallAdvised, QStringList{});
}

QTEST_GUILESS_MAIN(TestHugePages)
#include "tst_hugepages.moc"

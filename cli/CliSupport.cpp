#include "CliSupport.h"

#include "util/HugePages.h"
#include "util/Parallel.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QThread>

#include <vector>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace promdesk::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CliSupport)
};

constexpr qint64 kTailBytes = 64;

} // namespace

void printHelp(const QCommandLineParser &parser, const QString &usage, const QString &description, QTextStream &out)
{
    QString help = parser.helpText();
    // Qt's first line is "Usage: <binary> [options]"; ours names the command and its arguments.
    const qsizetype firstNewline = help.indexOf(QLatin1Char('\n'));
    help = help.mid(firstNewline + 1);
    out << Tr::tr("Usage: %1").arg(usage) << "\n\n" << description << "\n" << help;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
                                  const QString &description, Io &io)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help."));
    parser.addOption(helpOption);
    if (!parser.parse(arguments)) {
        io.err << "promdesk-cli: " << parser.errorText() << '\n' << Tr::tr("Usage: %1").arg(usage) << '\n';
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        printHelp(parser, usage, description, io.out);
        return ExitOk;
    }
    return std::nullopt;
}

QStringList subcommandArguments(const QStringList &arguments)
{
    QStringList rest = arguments.mid(1);
    if (!rest.isEmpty())
        rest[0] = arguments.at(0) + QLatin1Char(' ') + rest.at(0);
    return rest;
}

Input::Input(QString path, Io &io)
    : m_path(std::move(path))
    , m_io(io)
{}

bool Input::open()
{
    if (m_path == u"-") {
        m_device = &m_io.inFile;
        return true;
    }
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_io.err << "promdesk-cli: " << Tr::tr("cannot read %1: %2").arg(m_path, m_file.errorString()) << '\n';
        return false;
    }
    m_device = &m_file;
    return true;
}

void printProblems(QTextStream &stream, const QList<Problem> &problems)
{
    for (const Problem &problem : problems)
        stream << formatProblem(problem) << '\n';
}

ExpositionFormat Input::detect()
{
    if (m_device->isSequential()) {
        m_pending = readAll();
        return detectFormat(m_pending,
                            QByteArrayView(m_pending).last(std::min<qsizetype>(m_pending.size(), kTailBytes)));
    }
    // A file, or standard input redirected from one (`- < file`): look at its end too.
    QByteArray tail;
    const qint64 start = m_device->pos();
    if (m_device->size() > start) {
        m_device->seek(std::max<qint64>(start, m_device->size() - kTailBytes));
        tail = m_device->read(kTailBytes);
        m_device->seek(start);
    }
    m_pending = m_device->read(kFormatHeadBytes);
    return detectFormat(m_pending, tail);
}

QByteArray Input::read(qint64 maxSize)
{
    if (!m_pending.isEmpty())
        return std::exchange(m_pending, {});
    return m_device->read(maxSize);
}

namespace {

// Maps the pages of a large new buffer in one call, before read() fills it: faulting them in
// one at a time during the copy is a large part of reading a big file (docs/performance.md). A
// system that does not know the advice says EINVAL, and the pages fault in as they are written.
void populate([[maybe_unused]] char *buffer, [[maybe_unused]] qint64 size)
{
#if defined(Q_OS_UNIX) && defined(MADV_POPULATE_WRITE)
    const auto page = quintptr(sysconf(_SC_PAGESIZE));
    const auto start = quintptr(buffer);
    const quintptr first = (start + page - 1) & ~(page - 1);
    const quintptr end = (start + quintptr(size)) & ~(page - 1);
    if (end > first)
        madvise(buffer + (first - start), end - first, MADV_POPULATE_WRITE);
#endif
}

#ifdef Q_OS_UNIX
// Reads `size` bytes of a file from `offset` into `buffer`, a part per core when it is large:
// faulting in and filling new memory is the slow part, and one core alone keeps the others
// waiting. Returns how many bytes from the start were read (fewer if the file shrank meanwhile).
qint64 readAt(int fd, qint64 offset, char *buffer, qint64 size)
{
    constexpr qint64 kBytesPerPart = 8 << 20;
    const auto parts = int(std::clamp<qint64>(size / kBytesPerPart, 1, std::max(1, QThread::idealThreadCount())));
    const auto partStart = [&](int part) { return size * part / parts; };
    auto readPart = [&](int part) {
        const qint64 from = partStart(part);
        const qint64 length = partStart(part + 1) - from;
        populate(buffer + from, length);
        qint64 done = 0;
        while (done < length) {
            const ssize_t got = pread(fd, buffer + from + done, size_t(length - done), off_t(offset + from + done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            done += got;
        }
        return done;
    };
    std::vector<qint64> done(size_t(parts), 0);
    forEachIndexInParallel(done.size(), parts, [&](size_t part) { done[part] = readPart(int(part)); });
    // Only what was read without a gap counts: after a short part the rest is not the file.
    qint64 total = 0;
    for (int part = 0; part < parts; ++part) {
        total += done[size_t(part)];
        if (done[size_t(part)] < partStart(part + 1) - partStart(part))
            break;
    }
    return total;
}
#endif

} // namespace

QByteArray Input::readAll()
{
    // QIODevice::readAll() may stop at the first short read of a pipe; read until end of file.
    QByteArray all = std::exchange(m_pending, {});
    if (!m_device->isSequential()) {
        // A file: one buffer of the size left, instead of growing it a megabyte at a time,
        // which copies what was read again at each step.
        const qsizetype already = all.size();
        const qint64 left = m_device->size() - m_device->pos();
        if (left > 0) {
            all.resize(already + qsizetype(left));
            // 2 MB pages, asked for before any is touched: each is one fault, zeroed at once, and
            // one entry to unmap, instead of 512. Where the system gives them on request only
            // (Debian's "madvise"), a fault may wait for the kernel to compact memory; reading a
            // large file is worth that.
            detail::adviseHugePages(all.data() + already, std::size_t(left));
            qint64 got = -1;
#ifdef Q_OS_UNIX
            if (auto *file = qobject_cast<QFile *>(m_device); file && file->handle() >= 0) {
                got = readAt(file->handle(), file->pos(), all.data() + already, left);
                file->seek(file->pos() + got); // pread leaves the offset; what follows reads on from here
            }
#endif
            if (got < 0) {
                populate(all.data() + already, left);
                got = std::max<qint64>(m_device->read(all.data() + already, left), 0);
            }
            all.resize(already + qsizetype(got));
        }
    }
    while (true) {
        const QByteArray chunk = m_device->read(1 << 20);
        if (chunk.isEmpty())
            break;
        all += chunk;
    }
    return all;
}

QFile *Input::regularFile()
{
    return m_device == &m_file && !m_file.isSequential() ? &m_file : nullptr;
}

std::optional<ExpositionFormat> formatOption(const QString &value)
{
    if (value == u"auto")
        return std::nullopt;
    return formatFromName(value);
}

bool writeOutput(const QString &path, QByteArrayView bytes, Io &io, FileAccess access)
{
    if (path == u"-" || path.isEmpty()) {
        io.out.flush();
        const bool ok = io.outFile.write(bytes.data(), bytes.size()) == bytes.size();
        if (auto *file = qobject_cast<QFile *>(&io.outFile))
            file->flush();
        return ok;
    }
    // QSaveFile: a failed write never leaves a half-written file where the old one was.
    QSaveFile file(path);
    // A private file is made so before a byte is in it: the temporary file, which becomes it.
    const bool opened = file.open(QIODevice::WriteOnly)
        && (access == FileAccess::Shared || file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    if (!opened || file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit()) {
        io.err << "promdesk-cli: " << Tr::tr("cannot write %1: %2").arg(path, file.errorString()) << '\n';
        return false;
    }
    return true;
}

} // namespace promdesk::cli

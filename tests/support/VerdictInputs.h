#pragma once

// The inputs of the verdict differentials (tests/integration/tst_verdicts_*): the project's own
// inputs, every input of prometheus/common's text-parser tests, and deterministic mutations of
// each, named "<base>~<mutation>".
#include "Mutations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>

#include <algorithm>

namespace promdesk::test {

struct VerdictInput
{
    QString id;
    QByteArray text;
};

inline QList<VerdictInput> verdictFilesIn(const QString &directory, const QString &prefix, const QStringList &patterns)
{
    QList<VerdictInput> inputs;
    const QDir dir(QStringLiteral(PROMDESK_TEST_DATA_DIR "/") + directory);
    for (const QString &name : dir.entryList(patterns, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        inputs << VerdictInput{prefix + QFileInfo(name).completeBaseName(), file.readAll()};
    }
    return inputs;
}

inline QList<VerdictInput> verdictInputs(int mutationsPerInput)
{
    QList<VerdictInput> bases
        = verdictFilesIn(QStringLiteral("verdicts/own"), QStringLiteral("own/"), {QStringLiteral("*.prom")});
    bases += verdictFilesIn(QStringLiteral("expfmt-text/good"), QStringLiteral("expfmt-good/"),
                            {QStringLiteral("*.txt")});
    bases
        += verdictFilesIn(QStringLiteral("expfmt-text/bad"), QStringLiteral("expfmt-bad/"), {QStringLiteral("*.txt")});
    QList<VerdictInput> inputs = bases;
    for (const VerdictInput &base : std::as_const(bases)) {
        for (const Mutation &mutation : mutate(base.text, mutationsPerInput, seedFor(base.id)))
            inputs << VerdictInput{base.id + u'~' + mutation.kind, mutation.text};
    }
    return inputs;
}

// A differential's verdicts against the table kept at `storedPath`. With PROMDESK_UPDATE_VERDICTS
// set, `table` is written there first. Returns where the two differ, or an empty string.
inline QString differenceFromStoredTable(const QByteArray &table, const QString &storedPath)
{
    if (qEnvironmentVariableIsSet("PROMDESK_UPDATE_VERDICTS")) {
        QFile out(storedPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(table) != table.size())
            return QStringLiteral("cannot write %1").arg(storedPath);
    }
    QFile in(storedPath);
    if (!in.open(QIODevice::ReadOnly))
        return QStringLiteral("no stored table: run with PROMDESK_UPDATE_VERDICTS=1");
    const QList<QByteArray> want = in.readAll().split('\n');
    const QList<QByteArray> got = table.split('\n');
    for (qsizetype row = 0; row < std::max(want.size(), got.size()); ++row) {
        if (want.value(row) != got.value(row)) {
            return QStringLiteral("the table differs from the stored one at row %1:\nstored: %2\nnow:    %3\n"
                                  "If the change is meant, regenerate it (see the test's head).")
                .arg(row)
                .arg(QString::fromUtf8(want.value(row)), QString::fromUtf8(got.value(row)));
        }
    }
    return {};
}

} // namespace promdesk::test

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
    QList<VerdictInput> bases =
        verdictFilesIn(QStringLiteral("verdicts/own"), QStringLiteral("own/"), {QStringLiteral("*.prom")});
    bases += verdictFilesIn(QStringLiteral("expfmt-text/good"), QStringLiteral("expfmt-good/"), {QStringLiteral("*.txt")});
    bases += verdictFilesIn(QStringLiteral("expfmt-text/bad"), QStringLiteral("expfmt-bad/"), {QStringLiteral("*.txt")});
    QList<VerdictInput> inputs = bases;
    for (const VerdictInput &base : std::as_const(bases)) {
        for (const Mutation &mutation : mutate(base.text, mutationsPerInput, seedFor(base.id)))
            inputs << VerdictInput{base.id + u'~' + mutation.kind, mutation.text};
    }
    return inputs;
}

} // namespace promdesk::test

#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace promdesk::test {

inline QByteArray readTestData(const QString &name)
{
    QFile file(QStringLiteral(PROMDESK_TEST_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace promdesk::test
